using System.Text.Json.Nodes;
using Flick.Aws;

namespace Flick.Cdk.Tests;

/// <summary>
/// The environment the stacks give the functions and the API container, read by the hosts' own
/// reader (<see cref="AwsOptions.FromEnvironment"/>): what CloudFormation resolves at deploy time
/// (bucket names, queue URLs, ARNs) stands in as a well-formed value of its kind.
/// </summary>
[Collection(FlickAppCollection.Name)]
public sealed class HostEnvironmentTests(FlickAppFixture app)
{
    [Fact]
    public void EveryFunctionsEnvironment_IsAcceptedByTheAwsAdapters()
    {
        var functions = FlickAppFixture.Resources(app.Pipeline, "AWS::Lambda::Function").ToList();
        functions.Count.ShouldBe(9);
        foreach (var (id, function) in functions)
        {
            var variables = function["Environment"]!["Variables"]!.AsObject().ToDictionary(v => v.Key, v => v.Value!);
            Check(id, variables);
        }
    }

    [Fact]
    public void TheApiContainersEnvironment_IsAcceptedByTheAwsAdapters()
    {
        var container = FlickAppFixture.Resources(app.Api, "AWS::ECS::TaskDefinition").Single().Properties["ContainerDefinitions"]![0]!;
        var variables = container["Environment"]!.AsArray().ToDictionary(e => (string)e!["Name"]!, e => e!["Value"]!);
        Check("api", variables);
    }

    private static void Check(string where, Dictionary<string, JsonNode> variables)
    {
        string? Read(string name)
        {
            if (name == "AWS_REGION")
            {
                // Lambda and Fargate set it themselves.
                return FlickAppFixture.Region;
            }

            if (!variables.TryGetValue(name, out var value))
            {
                return null;
            }

            return value is JsonValue plain && plain.TryGetValue<string>(out var text) ? text : StandIn(name);
        }

        var options = AwsOptions.FromEnvironment(Read);
        options.Problems().ShouldBeEmpty(where);
        options.Stage.ShouldBe("test", where);
        options.TablePrefix.ShouldBe("flick-test-", where);
        options.Queues.Keys.Order(StringComparer.Ordinal).ToArray().ShouldBe(["ingest", "pull-requests", "runs"], where);
        options.Buckets.Raw.ShouldNotBe(options.Buckets.Series, where);
    }

    private static string StandIn(string name) => name switch
    {
        _ when name.StartsWith("FLICK_QUEUE_", StringComparison.Ordinal) =>
            $"https://sqs.{FlickAppFixture.Region}.amazonaws.com/{FlickAppFixture.Account}/{name.ToLowerInvariant().Replace('_', '-')}",
        "FLICK_STATE_MACHINE_ARN" => $"arn:aws:states:{FlickAppFixture.Region}:{FlickAppFixture.Account}:stateMachine:flick-test-pipeline",
        _ => name.ToLowerInvariant().Replace('_', '-'),
    };
}
