using System.Text.Json.Serialization;

namespace Flick.Local.Messaging;

public sealed record S3EventBucket([property: JsonPropertyName("name")] string Name);
