using System.Text.Json;

namespace Flick.Local.Messaging;

/// <summary>
/// An EventBridge event pattern (content filtering): fields AND-ed, values of one array OR-ed, an array in the event
/// matching when any element does, and the operators prefix, suffix, equals-ignore-case, wildcard, anything-but,
/// exists, numeric, cidr and <c>$or</c>. A field that the event lacks fails every condition but <c>exists: false</c>.
/// </summary>
public sealed class EventPattern
{
    private readonly ObjectPattern _root;

    private EventPattern(ObjectPattern root, string json)
    {
        _root = root;
        Json = json;
    }

    public string Json { get; }

    /// <exception cref="FormatException">The text is not JSON or not a valid pattern; the message says where.</exception>
    public static EventPattern Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new FormatException($"Invalid event pattern: not JSON ({exception.Message}).", exception);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("Invalid event pattern: the pattern must be a JSON object.");
            }

            return new EventPattern(EventPatternParser.ParseObject(document.RootElement, string.Empty), json);
        }
    }

    public bool Matches(string eventJson)
    {
        ArgumentNullException.ThrowIfNull(eventJson);
        using var document = JsonDocument.Parse(eventJson);
        return Matches(document.RootElement);
    }

    public bool Matches(JsonElement @event) => @event.ValueKind == JsonValueKind.Object && _root.Matches(@event);

    public override string ToString() => Json;
}
