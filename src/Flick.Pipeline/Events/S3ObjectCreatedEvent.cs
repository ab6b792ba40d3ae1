using System.Text.Json.Serialization;

namespace Flick.Pipeline.Events;

/// <summary>An EventBridge "Object Created" event from S3 (only the fields Flick reads).</summary>
public sealed record S3ObjectCreatedEvent(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("detail-type")] string? DetailType,
    [property: JsonPropertyName("time")] DateTimeOffset? Time,
    [property: JsonPropertyName("detail")] S3ObjectCreatedDetail? Detail);

public sealed record S3ObjectCreatedDetail(
    [property: JsonPropertyName("bucket")] S3BucketRef? Bucket,
    [property: JsonPropertyName("object")] S3ObjectRef? S3Object);

public sealed record S3BucketRef([property: JsonPropertyName("name")] string? Name);

public sealed record S3ObjectRef(
    [property: JsonPropertyName("key")] string? Key,
    [property: JsonPropertyName("size")] long? Size,
    [property: JsonPropertyName("etag")] string? ETag);
