using System.Text.Json;

namespace Flick.Local.Messaging;

/// <summary>Reads a partial batch response with the rules Lambda applies to SQS event source mappings.</summary>
internal static class BatchResponseReader
{
    /// <summary>
    /// The ids of the messages that failed, or null when the whole batch counts as failed: a response that is not
    /// JSON, or a failure entry whose itemIdentifier is missing, empty or not a message of the batch. A JSON null,
    /// an empty object and an empty or null list all mean complete success.
    /// </summary>
    public static IReadOnlySet<string>? ReadFailures(string? response, IReadOnlyCollection<string> batchMessageIds)
    {
        if (string.IsNullOrWhiteSpace(response))
        {
            // An empty payload is not JSON; treating it as success would drop messages on a handler bug.
            return null;
        }

        SqsBatchResponse? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(response, MessagingJsonContext.Default.SqsBatchResponse);
        }
        catch (JsonException)
        {
            return null;
        }

        var failures = new HashSet<string>(StringComparer.Ordinal);
        foreach (var failure in parsed?.BatchItemFailures ?? [])
        {
            if (failure is null || string.IsNullOrEmpty(failure.ItemIdentifier) || !batchMessageIds.Contains(failure.ItemIdentifier))
            {
                return null;
            }

            failures.Add(failure.ItemIdentifier);
        }

        return failures;
    }
}
