using System.Text.Json;

namespace Flick.Local.Messaging;

internal static class JsonScalars
{
    public static bool AreEqual(JsonElement expected, JsonElement actual) => expected.ValueKind switch
    {
        JsonValueKind.String => actual.ValueKind == JsonValueKind.String && string.Equals(expected.GetString(), actual.GetString(), StringComparison.Ordinal),
        // 5 and 5.0 are the same number to EventBridge.
        JsonValueKind.Number => actual.ValueKind == JsonValueKind.Number && expected.GetDouble() == actual.GetDouble(),
        JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => actual.ValueKind == expected.ValueKind,
        _ => false,
    };

    public static bool IsScalar(JsonElement element) =>
        element.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null;
}
