using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Flick.Aws.Tables;

/// <summary>
/// A lease on one slot of the viewers table, so that two writers of the same slot (a re-run racing
/// an ingest) take turns instead of interleaving their minute entries. It is an item taken with a
/// conditional put; a writer that crashed never releases it, so it expires after
/// <see cref="DynamoTablesOptions.SlotLeaseDuration"/> and the next writer takes it over. DynamoDB's
/// TTL is not used (the emulator lacks it, and its deletion is late by hours): the expiry is checked
/// in the condition.
/// </summary>
internal sealed class SlotLease : IAsyncDisposable
{
    private readonly IAmazonDynamoDB _client;
    private readonly string _table;
    private readonly Dictionary<string, AttributeValue> _key;
    private readonly string _owner;

    private SlotLease(IAmazonDynamoDB client, string table, Dictionary<string, AttributeValue> key, string owner)
    {
        (_client, _table, _key, _owner) = (client, table, key, owner);
    }

    public static async Task<SlotLease> AcquireAsync(
        IAmazonDynamoDB client,
        string table,
        string partition,
        DynamoTablesOptions options,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var owner = Guid.NewGuid().ToString("N");
        var giveUpAt = clock.GetUtcNow() + options.SlotLeaseDuration + options.SlotLeaseDuration;
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow();
            var item = Attr.Key(partition, ViewerItems.Lock);
            item["owner"] = Attr.S(owner);
            item["until"] = Attr.N((now + options.SlotLeaseDuration).ToUnixTimeMilliseconds());
            try
            {
                await client.PutItemAsync(
                    new PutItemRequest
                    {
                        TableName = table,
                        Item = item,
                        ConditionExpression = "attribute_not_exists(#sk) OR #until < :now",
                        ExpressionAttributeNames = new() { ["#sk"] = DynamoTableDefinitions.SortKey, ["#until"] = "until" },
                        ExpressionAttributeValues = new() { [":now"] = Attr.N(now.ToUnixTimeMilliseconds()) },
                    },
                    cancellationToken);
                return new SlotLease(client, table, Attr.Key(partition, ViewerItems.Lock), owner);
            }
            catch (ConditionalCheckFailedException) when (now < giveUpAt)
            {
                await DynamoRetry.DelayAsync(attempt, options, cancellationToken);
            }
            catch (ConditionalCheckFailedException exception)
            {
                throw new TimeoutException($"slot {partition} stayed leased by another writer", exception);
            }
        }
    }

    /// <summary>Releases the lease unless it expired and another writer took it over meanwhile.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _client.DeleteItemAsync(
                new DeleteItemRequest
                {
                    TableName = _table,
                    Key = _key,
                    ConditionExpression = "#owner = :owner",
                    ExpressionAttributeNames = new() { ["#owner"] = "owner" },
                    ExpressionAttributeValues = new() { [":owner"] = Attr.S(_owner) },
                },
                CancellationToken.None);
        }
        catch (ConditionalCheckFailedException)
        {
            // Taken over after expiry: the lease is the new owner's to release.
        }
    }
}
