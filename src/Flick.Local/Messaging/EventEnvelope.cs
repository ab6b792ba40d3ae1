using System.Text.Json;
using System.Text.Json.Serialization;

namespace Flick.Local.Messaging;

/// <summary>The EventBridge event envelope, fields in the order EventBridge writes them.</summary>
/// <param name="Time">RFC 3339 in UTC, to the second.</param>
public sealed record EventEnvelope(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("detail-type")] string DetailType,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("account")] string Account,
    [property: JsonPropertyName("time")] string Time,
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("resources")] IReadOnlyList<string> Resources,
    [property: JsonPropertyName("detail")] JsonElement Detail);
