using System.Text.Json;
using System.Text.Json.Serialization;

namespace Flick.Local.Messaging;

/// <summary>One record of an <see cref="SqsEvent"/>.</summary>
public sealed record SqsMessage(
    [property: JsonPropertyName("messageId")] string MessageId,
    [property: JsonPropertyName("receiptHandle")] string ReceiptHandle,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("attributes")] SqsMessageSystemAttributes Attributes,
    [property: JsonPropertyName("messageAttributes")] IReadOnlyDictionary<string, JsonElement> MessageAttributes,
    [property: JsonPropertyName("md5OfBody")] string Md5OfBody,
    [property: JsonPropertyName("eventSource")] string EventSource,
    [property: JsonPropertyName("eventSourceARN")] string EventSourceArn,
    [property: JsonPropertyName("awsRegion")] string AwsRegion);
