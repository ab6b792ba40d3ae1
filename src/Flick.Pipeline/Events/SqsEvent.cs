using System.Text.Json.Serialization;

namespace Flick.Pipeline.Events;

/// <summary>The event an SQS event source mapping hands to a function (only the fields Flick reads).</summary>
public sealed record SqsEvent([property: JsonPropertyName("Records")] IReadOnlyList<SqsRecord>? Records);

public sealed record SqsRecord(
    [property: JsonPropertyName("messageId")] string MessageId,
    [property: JsonPropertyName("receiptHandle")] string? ReceiptHandle,
    [property: JsonPropertyName("body")] string? Body,
    [property: JsonPropertyName("attributes")] IReadOnlyDictionary<string, string>? Attributes,
    [property: JsonPropertyName("eventSourceARN")] string? EventSourceArn);
