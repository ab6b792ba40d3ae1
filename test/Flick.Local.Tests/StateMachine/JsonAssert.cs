using System.Text.Json.Nodes;

namespace Flick.Local.Tests.StateMachine;

internal static class JsonAssert
{
    /// <summary>Structural JSON equality (key order and whitespace do not matter), showing both sides on failure.</summary>
    public static void Equal(string expectedJson, JsonNode? actual)
    {
        var expected = JsonNode.Parse(expectedJson);
        JsonNode.DeepEquals(expected, actual).ShouldBeTrue(
            $"expected {expected?.ToJsonString() ?? "null"} but got {actual?.ToJsonString() ?? "null"}");
    }

    public static void Equal(string expectedJson, string actualJson) => Equal(expectedJson, JsonNode.Parse(actualJson));
}
