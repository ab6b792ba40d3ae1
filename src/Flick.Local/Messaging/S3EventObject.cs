using System.Text.Json.Serialization;

namespace Flick.Local.Messaging;

/// <param name="ETag">Without the quotes that the S3 API puts around it.</param>
/// <param name="Sequencer">Hexadecimal; for one key, a later event has a greater sequencer.</param>
public sealed record S3EventObject(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("etag")] string ETag,
    [property: JsonPropertyName("sequencer")] string Sequencer);
