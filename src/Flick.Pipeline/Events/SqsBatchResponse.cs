using System.Text.Json.Serialization;

namespace Flick.Pipeline.Events;

/// <summary>The partial batch response (ReportBatchItemFailures): the messages to deliver again.</summary>
public sealed record SqsBatchResponse([property: JsonPropertyName("batchItemFailures")] IReadOnlyList<BatchItemFailure> BatchItemFailures);

public sealed record BatchItemFailure([property: JsonPropertyName("itemIdentifier")] string ItemIdentifier);
