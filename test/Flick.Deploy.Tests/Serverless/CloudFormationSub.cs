using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Flick.Deploy.Tests.Serverless;

/// <summary>
/// Resolves a template's <c>Fn::Sub</c> string the way CloudFormation does, for the values a test
/// knows: pseudo parameters by name, and the variables of the second form when each one is
/// <c>Fn::GetAtt [function, Arn]</c>. Anything else left in the string fails the test.
/// </summary>
internal static partial class CloudFormationSub
{
    public static string Resolve(JsonNode node, IReadOnlyDictionary<string, string> pseudo, IReadOnlyDictionary<string, string> functionArns)
    {
        if (node is JsonValue plain)
        {
            return (string)plain!;
        }

        var sub = node["Fn::Sub"].ShouldNotBeNull($"expected a string or Fn::Sub, got {node.ToJsonString()}");
        var (text, variables) = sub is JsonArray pair
            ? ((string)pair[0]!, pair[1]!.AsObject())
            : ((string)sub!, new JsonObject());

        return Variable().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            if (pseudo.TryGetValue(name, out var value))
            {
                return value;
            }

            var variable = variables[name].ShouldNotBeNull($"Fn::Sub has no value for ${{{name}}}");
            var getAtt = variable["Fn::GetAtt"].ShouldNotBeNull($"${{{name}}} is {variable.ToJsonString()}, not Fn::GetAtt").AsArray();
            ((string?)getAtt[1]).ShouldBe("Arn");
            return functionArns.GetValueOrDefault((string)getAtt[0]!).ShouldNotBeNull($"${{{name}}} names {getAtt[0]}, which is not a function");
        });
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z0-9_:.]+)\}")]
    private static partial Regex Variable();
}
