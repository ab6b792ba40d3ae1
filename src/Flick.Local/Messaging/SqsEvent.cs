using System.Text.Json.Serialization;

namespace Flick.Local.Messaging;

/// <summary>The event that a Lambda SQS event source mapping passes to its function.</summary>
public sealed record SqsEvent([property: JsonPropertyName("Records")] IReadOnlyList<SqsMessage> Records);
