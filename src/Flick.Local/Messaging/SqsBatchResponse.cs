using System.Text.Json.Serialization;

namespace Flick.Local.Messaging;

/// <summary>A function's partial batch response (ReportBatchItemFailures): the messages to retry.</summary>
public sealed record SqsBatchResponse([property: JsonPropertyName("batchItemFailures")] IReadOnlyList<SqsBatchItemFailure>? BatchItemFailures);
