using System.Text.Json.Nodes;

namespace Flick.Cdk.Tests;

[Collection(FlickAppCollection.Name)]
public sealed class IamPolicyTests(FlickAppFixture app)
{
    /// <summary>
    /// The actions that IAM cannot scope to a resource (their service authorization reference lists no
    /// resource type), and so the only ones allowed with <c>Resource: "*"</c>: X-Ray tracing, the log
    /// deliveries of Step Functions, and ECR's registry token for pulling the API image.
    /// </summary>
    private static readonly HashSet<string> ActionsWithoutResourceLevelPermissions = new(StringComparer.Ordinal)
    {
        "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets",
        "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
        "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
        "ecr:GetAuthorizationToken", "cloudwatch:PutMetricData",
    };

    [Fact]
    public void ThereAreIdentityPolicies_ToCheck()
    {
        Statements().Count().ShouldBeGreaterThan(20);
    }

    [Fact]
    public void NoStatement_AllowsEveryActionOrEveryActionOfAService()
    {
        foreach (var (where, statement) in Statements())
        {
            foreach (var action in Strings(statement["Action"]))
            {
                (action == "*" || action.EndsWith(":*", StringComparison.Ordinal)).ShouldBeFalse($"{where}: {action}");
            }
        }
    }

    [Fact]
    public void ResourceStar_IsOnlyGivenToActionsThatHaveNoResourceLevelPermissions()
    {
        foreach (var (where, statement) in Statements().Where(s => Strings(s.Statement["Resource"]).Contains("*")))
        {
            Strings(statement["Action"]).ShouldAllBe(a => ActionsWithoutResourceLevelPermissions.Contains(a), where);
        }
    }

    [Fact]
    public void NoStatement_UsesNotActionOrNotResource()
    {
        Statements().ShouldAllBe(s => s.Statement["NotAction"] == null && s.Statement["NotResource"] == null);
    }

    /// <summary>Every statement of every identity policy (inline policies of roles, and policy resources).</summary>
    private IEnumerable<(string Where, JsonObject Statement)> Statements()
    {
        foreach (var (stack, id, resource) in app.AllResources())
        {
            var type = (string?)resource["Type"];
            var documents = type switch
            {
                "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy" => [resource["Properties"]!["PolicyDocument"]!],
                "AWS::IAM::Role" => resource["Properties"]!["Policies"]?.AsArray().Select(p => p!["PolicyDocument"]!).ToList() ?? [],
                _ => new List<JsonNode>(),
            };
            foreach (var document in documents)
            {
                foreach (var statement in document["Statement"]!.AsArray())
                {
                    if ((string?)statement!["Effect"] == "Allow")
                    {
                        yield return ($"{stack}/{id}", statement.AsObject());
                    }
                }
            }
        }
    }

    private static List<string> Strings(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : n!.ToJsonString()).ToList(),
        JsonValue value when value.TryGetValue<string>(out var s) => [s],
        _ => [node.ToJsonString()],
    };
}
