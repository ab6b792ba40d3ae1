using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Flick.Aws.Tables;

/// <summary>
/// BatchWriteItem and BatchGetItem in requests of the largest allowed size. DynamoDB may answer a
/// batch in part (throttling, the 16 MB response limit): what it leaves unprocessed is sent again
/// after a backoff, for a bounded number of attempts, and then the batch fails with
/// <see cref="DynamoBatchException"/>.
/// </summary>
internal sealed class DynamoBatch(IAmazonDynamoDB client, DynamoTablesOptions options)
{
    public const int MaxWriteRequests = 25;
    public const int MaxGetKeys = 100;

    public async Task WriteAsync(string table, IEnumerable<WriteRequest> requests, CancellationToken cancellationToken)
    {
        foreach (var chunk in requests.Chunk(MaxWriteRequests))
        {
            var pending = chunk.ToList();
            for (var attempt = 1; ; attempt++)
            {
                var response = await client.BatchWriteItemAsync(
                    new BatchWriteItemRequest { RequestItems = new() { [table] = pending } },
                    cancellationToken);
                if (response.UnprocessedItems?.GetValueOrDefault(table) is not { Count: > 0 } left)
                {
                    break;
                }

                if (attempt >= options.MaxBatchAttempts)
                {
                    throw new DynamoBatchException(Describe("BatchWriteItem", left.Count, "items", table, attempt));
                }

                pending = left;
                await DynamoRetry.DelayAsync(attempt, options, cancellationToken);
            }
        }
    }

    /// <summary>Reads the items of <paramref name="keys"/> (distinct) with strongly consistent reads; missing items are absent.</summary>
    public async Task<List<Dictionary<string, AttributeValue>>> GetAsync(
        string table,
        IEnumerable<Dictionary<string, AttributeValue>> keys,
        CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        foreach (var chunk in keys.Chunk(MaxGetKeys))
        {
            var pending = chunk.ToList();
            for (var attempt = 1; ; attempt++)
            {
                // The request is rebuilt from the keys alone: an emulator may drop the read options
                // from UnprocessedKeys, and a retry must still read consistently.
                var response = await client.BatchGetItemAsync(
                    new BatchGetItemRequest { RequestItems = new() { [table] = new KeysAndAttributes { Keys = pending, ConsistentRead = true } } },
                    cancellationToken);
                items.AddRange(response.Responses?.GetValueOrDefault(table) ?? []);
                if (response.UnprocessedKeys?.GetValueOrDefault(table)?.Keys is not { Count: > 0 } left)
                {
                    break;
                }

                if (attempt >= options.MaxBatchAttempts)
                {
                    throw new DynamoBatchException(Describe("BatchGetItem", left.Count, "keys", table, attempt));
                }

                pending = left;
                await DynamoRetry.DelayAsync(attempt, options, cancellationToken);
            }
        }

        return items;
    }

    private static string Describe(string operation, int count, string what, string table, int attempts) =>
        string.Create(CultureInfo.InvariantCulture, $"{operation} left {count} {what} of table {table} unprocessed after {attempts} attempts");
}
