using System.Text.Json.Serialization;

namespace Flick.Local.Messaging;

/// <summary>The detail of the S3 "Object Created" EventBridge event.</summary>
public sealed record S3ObjectCreatedDetail(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("bucket")] S3EventBucket Bucket,
    [property: JsonPropertyName("object")] S3EventObject S3Object,
    [property: JsonPropertyName("request-id")] string RequestId,
    [property: JsonPropertyName("requester")] string Requester,
    [property: JsonPropertyName("source-ip-address")] string SourceIpAddress,
    [property: JsonPropertyName("reason")] string Reason);
