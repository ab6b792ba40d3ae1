using System.Text.Json.Serialization;

namespace Flick.Local.Messaging;

/// <param name="ItemIdentifier">The message id of a record that failed.</param>
public sealed record SqsBatchItemFailure([property: JsonPropertyName("itemIdentifier")] string? ItemIdentifier);
