using System.Text;
using System.Text.Json;

namespace Flick.Pipeline.Sources;

/// <summary>Reads the <c>message</c> of a Helix error body (<c>{"error","status","message"}</c>) for a failure's text.</summary>
internal static class HelixErrorBody
{
    private const int MaxRawChars = 200;

    public static string MessageOf(byte[] body)
    {
        if (body.Length == 0)
        {
            return "(empty body)";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String)
            {
                return message.GetString() ?? "";
            }
        }
        catch (JsonException)
        {
            // Not a Helix error body (a proxy's HTML page, say): fall back to its start.
        }

        var raw = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxRawChars * 4));
        return raw.Length > MaxRawChars ? raw[..MaxRawChars] : raw;
    }
}
