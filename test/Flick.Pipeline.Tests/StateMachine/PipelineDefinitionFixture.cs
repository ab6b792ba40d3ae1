using System.Text.Json.Nodes;
using Flick.Pipeline.StateMachine;

namespace Flick.Pipeline.Tests.StateMachine;

/// <summary>The embedded definition with realistic deployed values, and helpers to walk it.</summary>
internal static class PipelineDefinitionFixture
{
    public static readonly IReadOnlyDictionary<string, string> RealisticSubstitutions = new Dictionary<string, string>
    {
        ["PrepareFunctionArn"] = "arn:aws:lambda:eu-west-1:123456789012:function:flick-prepare",
        ["ViewersFunctionArn"] = "arn:aws:lambda:eu-west-1:123456789012:function:flick-viewers",
        ["ChannelFunctionArn"] = "arn:aws:lambda:eu-west-1:123456789012:function:flick-channel",
        ["RankingsFunctionArn"] = "arn:aws:lambda:eu-west-1:123456789012:function:flick-rankings",
        ["FinalizeFunctionArn"] = "arn:aws:lambda:eu-west-1:123456789012:function:flick-finalize",
        ["FailureFunctionArn"] = "arn:aws:lambda:eu-west-1:123456789012:function:flick-failure",
        ["EventBusName"] = "flick",
    };

    public static string Substituted() => StateMachineDefinition.Substitute(StateMachineDefinition.Load(), RealisticSubstitutions);

    public static JsonObject Parsed() => JsonNode.Parse(Substituted())!.AsObject();

    /// <summary>Every state, nested ones included, with its name.</summary>
    public static IEnumerable<(string Name, JsonObject State)> AllStates(JsonObject machine)
    {
        foreach (var (name, node) in machine["States"]!.AsObject())
        {
            var state = node!.AsObject();
            yield return (name, state);
            var nested = (state["Branches"]?.AsArray().Select(b => b!.AsObject()) ?? [])
                .Concat(state["ItemProcessor"] is JsonObject processor ? [processor] : []);
            foreach (var inner in nested.SelectMany(AllStates))
            {
                yield return inner;
            }
        }
    }

    /// <summary>The folder holding Flick.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Flick.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Flick.sln above {AppContext.BaseDirectory}.");
    }
}
