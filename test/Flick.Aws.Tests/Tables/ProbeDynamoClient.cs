using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Flick.Aws.Tests.Tables;

/// <summary>
/// A real client on the emulator that also counts what it reads and can misbehave on purpose:
/// answer batches in part (as DynamoDB does under throttling), run a competing write before a put,
/// or crash after some updates. The SDK's client methods are virtual, so this decorates by
/// inheritance instead of reimplementing the whole interface.
/// </summary>
internal sealed class ProbeDynamoClient() : AmazonDynamoDBClient(DynamoEmulator.Credentials, DynamoEmulator.Config())
{
    private int _itemsRead;
    private int _readRequests;
    private int _batchWrites;
    private int _batchGets;
    private int _partialBatchesLeft;
    private int _updatesLeft = int.MaxValue;

    public int ItemsRead => Volatile.Read(ref _itemsRead);

    public int ReadRequests => Volatile.Read(ref _readRequests);

    public int BatchWrites => Volatile.Read(ref _batchWrites);

    public int BatchGets => Volatile.Read(ref _batchGets);

    /// <summary>Runs before each PutItem is sent.</summary>
    public Func<PutItemRequest, Task>? BeforePut { get; set; }

    public void ResetCounts() => (_itemsRead, _readRequests, _batchWrites, _batchGets) = (0, 0, 0, 0);

    /// <summary>The next <paramref name="times"/> batch answers process only the first half of the request.</summary>
    public void AnswerBatchesInPart(int times) => Volatile.Write(ref _partialBatchesLeft, times);

    /// <summary>After <paramref name="updates"/> more UpdateItem calls, every call fails, as if the process died.</summary>
    public void CrashAfterUpdates(int updates) => Volatile.Write(ref _updatesLeft, updates);

    public override async Task<BatchWriteItemResponse> BatchWriteItemAsync(BatchWriteItemRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _batchWrites);
        if (Interlocked.Decrement(ref _partialBatchesLeft) < 0)
        {
            return await base.BatchWriteItemAsync(request, cancellationToken);
        }

        var (table, writes) = request.RequestItems.Single();
        var sent = writes.Take(writes.Count / 2).ToList();
        var left = writes.Skip(sent.Count).ToList();
        if (sent.Count > 0)
        {
            var answer = await base.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { [table] = sent } }, cancellationToken);
            left.AddRange(answer.UnprocessedItems?.GetValueOrDefault(table) ?? []);
        }

        return new BatchWriteItemResponse { UnprocessedItems = new() { [table] = left } };
    }

    public override async Task<BatchGetItemResponse> BatchGetItemAsync(BatchGetItemRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _batchGets);
        Interlocked.Increment(ref _readRequests);
        var (table, keys) = request.RequestItems.Single();
        var partial = Interlocked.Decrement(ref _partialBatchesLeft) >= 0;
        var sent = partial ? keys.Keys.Take(keys.Keys.Count / 2).ToList() : keys.Keys;
        var items = new List<Dictionary<string, AttributeValue>>();
        if (sent.Count > 0)
        {
            var answer = await base.BatchGetItemAsync(
                new BatchGetItemRequest { RequestItems = new() { [table] = new KeysAndAttributes { Keys = sent, ConsistentRead = keys.ConsistentRead } } },
                cancellationToken);
            items.AddRange(answer.Responses?.GetValueOrDefault(table) ?? []);
        }

        Interlocked.Add(ref _itemsRead, items.Count);
        var left = keys.Keys.Skip(sent.Count).ToList();
        return new BatchGetItemResponse
        {
            Responses = new() { [table] = items },
            UnprocessedKeys = left.Count == 0 ? [] : new() { [table] = new KeysAndAttributes { Keys = left } },
        };
    }

    public override async Task<QueryResponse> QueryAsync(QueryRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _readRequests);
        var response = await base.QueryAsync(request, cancellationToken);
        Interlocked.Add(ref _itemsRead, response.Items?.Count ?? 0);
        return response;
    }

    public override async Task<GetItemResponse> GetItemAsync(GetItemRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _readRequests);
        var response = await base.GetItemAsync(request, cancellationToken);
        Interlocked.Add(ref _itemsRead, response.Item is { Count: > 0 } ? 1 : 0);
        return response;
    }

    public override async Task<PutItemResponse> PutItemAsync(PutItemRequest request, CancellationToken cancellationToken = default)
    {
        if (BeforePut is { } before)
        {
            await before(request);
        }

        return await base.PutItemAsync(request, cancellationToken);
    }

    public override Task<UpdateItemResponse> UpdateItemAsync(UpdateItemRequest request, CancellationToken cancellationToken = default)
    {
        Crash();
        return base.UpdateItemAsync(request, cancellationToken);
    }

    public override Task<DeleteItemResponse> DeleteItemAsync(DeleteItemRequest request, CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _updatesLeft) < 0)
        {
            throw new IOException("simulated crash: the process is gone");
        }

        return base.DeleteItemAsync(request, cancellationToken);
    }

    private void Crash()
    {
        if (Interlocked.Decrement(ref _updatesLeft) < 0)
        {
            throw new IOException("simulated crash: the process is gone");
        }
    }
}
