using System.Text.Json;

namespace Flick.LambdaBench;

/// <summary>Reads an SQS partial batch response (<c>{"batchItemFailures":[{"itemIdentifier":...}]}</c>).</summary>
internal static class BatchAnswer
{
    public static IReadOnlyList<string> FailedIds(string body)
    {
        using var document = JsonDocument.Parse(body);
        return [.. document.RootElement.GetProperty("batchItemFailures").EnumerateArray().Select(f => f.GetProperty("itemIdentifier").GetString() ?? "")];
    }
}
