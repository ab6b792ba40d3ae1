using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Flick.Deploy.Tests.Serverless;

namespace Flick.Deploy.Tests.Agreement;

/// <summary>
/// The two ways to deploy the pipeline — the CDK app (cdk/) and serverless.yml — must deploy the same
/// functions (handler, runtime, architecture, memory, timeout, reserved concurrency), feed them from
/// the same queues in the same way, and run the same state machine with the same functions in its
/// task states. Each template is read as CloudFormation would receive it.
/// </summary>
[Trait("Category", "Synth")]
[Collection(ServerlessPackageCollection.Name)]
public sealed partial class ServerlessAgreesWithCdkTests(ServerlessPackage serverless, CdkPipelineTemplate cdk)
    : IClassFixture<CdkPipelineTemplate>
{
    [Fact]
    public void Functions_ShouldBeTheSameHandlersWithTheSameRuntimeAndLimits()
    {
        var fromServerless = Functions(serverless.OfType("AWS::Lambda::Function"));
        var fromCdk = Functions(cdk.OfType("AWS::Lambda::Function"));

        fromCdk.Keys.Order(StringComparer.Ordinal).ShouldBe(fromServerless.Keys.Order(StringComparer.Ordinal));
        foreach (var (handler, settings) in fromCdk)
        {
            fromServerless[handler].ShouldBe(settings, $"function {handler}: serverless.yml and the CDK app differ");
        }
    }

    [Fact]
    public void EventSources_ShouldFeedTheSameFunctionsFromTheSameQueues_TheSameWay()
    {
        Sources(serverless.OfType("AWS::Lambda::EventSourceMapping"), serverless.OfType("AWS::Lambda::Function"), serverless.OfType("AWS::SQS::Queue"))
            .ShouldBe(Sources(cdk.OfType("AWS::Lambda::EventSourceMapping"), cdk.OfType("AWS::Lambda::Function"), cdk.OfType("AWS::SQS::Queue")));
    }

    [Fact]
    public void StateMachine_ShouldBeTheSameDefinition_CallingTheSameFunctions()
    {
        var slsFunctions = Handlers(serverless.OfType("AWS::Lambda::Function"));
        var slsMachine = serverless.OfType("AWS::StepFunctions::StateMachine").Values.Single()["Properties"]!;
        var slsDefinition = CloudFormationSub.Resolve(
            slsMachine["DefinitionString"]!,
            new Dictionary<string, string> { ["AWS::Region"] = "us-east-1", ["AWS::AccountId"] = "123456789012", ["AWS::Partition"] = "aws" },
            slsFunctions.ToDictionary(f => f.Key, f => "function:" + f.Value));

        var cdkFunctions = Handlers(cdk.OfType("AWS::Lambda::Function"));
        var cdkMachine = cdk.OfType("AWS::StepFunctions::StateMachine").Values.Single()["Properties"]!;
        var substitutions = cdkMachine["DefinitionSubstitutions"]!.AsObject();
        var cdkDefinition = Placeholder().Replace((string)cdkMachine["DefinitionString"]!, match =>
        {
            var value = substitutions[match.Groups["name"].Value].ShouldNotBeNull($"the CDK app gives no value for {match.Value}");
            return value is JsonValue text
                ? (string)text!
                : "function:" + cdkFunctions[(string)value["Fn::GetAtt"]![0]!];
        });

        JsonNode.DeepEquals(JsonNode.Parse(slsDefinition), JsonNode.Parse(cdkDefinition))
            .ShouldBeTrue($"the state machines differ:\nserverless: {slsDefinition}\ncdk: {cdkDefinition}");
        cdkDefinition.ShouldContain("function:" + Pipeline.Functions.FunctionNames.Viewers);
    }

    private static Dictionary<string, string> Handlers(IReadOnlyDictionary<string, JsonObject> functions) =>
        functions.ToDictionary(f => f.Key, f => (string)f.Value["Properties"]!["Handler"]!);

    // The settings that decide how a function runs, as one comparable line.
    private static Dictionary<string, string> Functions(IReadOnlyDictionary<string, JsonObject> functions) =>
        functions.Values.Select(f => f["Properties"]!.AsObject()).ToDictionary(
            p => (string)p["Handler"]!,
            p => string.Join(
                " ",
                $"runtime={p["Runtime"]}",
                $"architectures={p["Architectures"]?.ToJsonString()}",
                $"memory={p["MemorySize"]}",
                $"timeout={p["Timeout"]}",
                $"reserved={p["ReservedConcurrentExecutions"]}"),
            StringComparer.Ordinal);

    // handler ← queue name, with the batch, window and concurrency of the mapping, sorted.
    private static List<string> Sources(
        IReadOnlyDictionary<string, JsonObject> mappings, IReadOnlyDictionary<string, JsonObject> functions, IReadOnlyDictionary<string, JsonObject> queues) =>
        mappings.Values.Select(m => m["Properties"]!.AsObject()).Select(m => string.Join(
                " ",
                (string)functions[ServerlessPackage.TargetOf(m["FunctionName"])!]["Properties"]!["Handler"]!,
                "<-",
                (string)queues[ServerlessPackage.TargetOf(m["EventSourceArn"])!]["Properties"]!["QueueName"]!,
                $"batch={m["BatchSize"]}",
                $"window={m["MaximumBatchingWindowInSeconds"]}",
                $"concurrency={m["ScalingConfig"]?["MaximumConcurrency"]}",
                $"responses={m["FunctionResponseTypes"]?.ToJsonString()}"))
            .Order(StringComparer.Ordinal)
            .ToList();

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z0-9_]+)\}")]
    private static partial Regex Placeholder();
}
