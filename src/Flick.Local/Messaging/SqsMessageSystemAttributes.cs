using System.Text.Json.Serialization;

namespace Flick.Local.Messaging;

/// <summary>The system attributes of an SQS record; SQS writes every one of them as a string.</summary>
/// <param name="SentTimestamp">Unix epoch milliseconds.</param>
/// <param name="ApproximateFirstReceiveTimestamp">Unix epoch milliseconds.</param>
public sealed record SqsMessageSystemAttributes(
    [property: JsonPropertyName("ApproximateReceiveCount")] string ApproximateReceiveCount,
    [property: JsonPropertyName("SentTimestamp")] string SentTimestamp,
    [property: JsonPropertyName("SenderId")] string SenderId,
    [property: JsonPropertyName("ApproximateFirstReceiveTimestamp")] string ApproximateFirstReceiveTimestamp);
