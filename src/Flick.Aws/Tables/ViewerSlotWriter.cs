using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;

namespace Flick.Aws.Tables;

/// <summary>
/// Replaces one slot of the viewers table without transactions. The slot's member sets say which
/// channels and games may hold an entry at its minute; they are always a superset of the entries
/// actually stored, so that a later write can find and remove every stale entry:
/// <list type="number">
/// <item>take the slot's lease (writers of one slot take turns);</item>
/// <item>read the member sets, then add the new members (ADD: widen before writing);</item>
/// <item>write each new entry (SET of the minute attribute on the channel's or game's hour item);</item>
/// <item>remove the entries of old members that are not in the new slot, then drop them from the sets (narrow after removing);</item>
/// <item>write the totals, then take a new data version from the series counter, then stamp it on the totals.</item>
/// </list>
/// Every step is idempotent, and a crash at any point leaves the member sets covering every stored
/// entry, so the retry (or any later write of the slot) finishes the job. The version is taken only
/// once every row of the slot is stored, so a reader that saw version v and then read the rows sees
/// every write whose version is at most v.
/// </summary>
internal sealed class ViewerSlotWriter(IAmazonDynamoDB client, DynamoTablesOptions options, string table, TimeProvider clock)
{
    private const string Members = "ids";

    public async Task WriteAsync(string seriesId, SlotViewers viewers, CancellationToken cancellationToken)
    {
        var slot = viewers.Slot;
        var slotPartition = ViewerItems.SlotPartition(seriesId, slot);
        await using var lease = await SlotLease.AcquireAsync(client, table, slotPartition, options, clock, cancellationToken);

        var stored = await ReadMembersAsync(slotPartition, cancellationToken);
        var wanted = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var channel in viewers.Channels)
        {
            Add(wanted, ViewerItems.ChannelMembers(KeyShards.Of(channel.UserId)), channel.UserId);
        }

        foreach (var game in viewers.Games)
        {
            Add(wanted, ViewerItems.GameMembers(KeyShards.Of(game.GameId)), game.GameId);
        }

        await ChangeMembersAsync(slotPartition, "ADD", Difference(wanted, stored), cancellationToken);

        var hour = ViewerItems.HourOf(slot);
        var minute = ViewerItems.MinuteName(slot);
        var writes = viewers.Channels
            .Select(c => SetEntry(ViewerItems.ChannelHour(seriesId, hour, KeyShards.Of(c.UserId)), c.UserId, minute, ViewerItems.ChannelEntry(c)))
            .Concat(viewers.Games.Select(g => SetEntry(ViewerItems.GameHour(seriesId, hour, KeyShards.Of(g.GameId)), g.GameId, minute, ViewerItems.GameEntry(g))));
        await ForEachAsync(writes, cancellationToken);

        var stale = Difference(stored, wanted);
        var removals = stale.SelectMany(set => set.Value.Select(id =>
        {
            var shard = KeyShards.Of(id);
            var partition = set.Key.StartsWith('c') ? ViewerItems.ChannelHour(seriesId, hour, shard) : ViewerItems.GameHour(seriesId, hour, shard);
            return RemoveEntry(partition, id, minute);
        }));
        await ForEachAsync(removals, cancellationToken);
        await ChangeMembersAsync(slotPartition, "DELETE", stale, cancellationToken);

        await WriteTotalsAsync(seriesId, viewers.Totals, cancellationToken);
    }

    private async Task WriteTotalsAsync(string seriesId, SlotTotals totals, CancellationToken cancellationToken)
    {
        var key = Attr.Key(ViewerItems.Totals(seriesId), totals.Slot.ToString());
        await client.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = table,
                Key = key,
                UpdateExpression = "SET #v = :v, #c = :c, #g = :g",
                ExpressionAttributeNames = new() { ["#v"] = "viewers", ["#c"] = "channels", ["#g"] = "games" },
                ExpressionAttributeValues = new() { [":v"] = Attr.N(totals.Viewers), [":c"] = Attr.N(totals.LiveChannels), [":g"] = Attr.N(totals.Games) },
            },
            cancellationToken);

        var counter = await client.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = table,
                Key = Attr.Key(ViewerItems.Version(seriesId), ViewerItems.Counter),
                UpdateExpression = "ADD #ver :one",
                ExpressionAttributeNames = new() { ["#ver"] = "ver" },
                ExpressionAttributeValues = new() { [":one"] = Attr.N(1) },
                ReturnValues = ReturnValue.UPDATED_NEW,
            },
            cancellationToken);
        var version = counter.Attributes.GetN("ver");

        try
        {
            await client.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = table,
                    Key = key,
                    UpdateExpression = "SET #ver = :ver",
                    // Versions of a slot only grow, even if a writer whose lease expired stamps late.
                    ConditionExpression = "attribute_not_exists(#ver) OR #ver < :ver",
                    ExpressionAttributeNames = new() { ["#ver"] = "ver" },
                    ExpressionAttributeValues = new() { [":ver"] = Attr.N(version) },
                },
                cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            // A newer version is stamped already.
        }
    }

    private async Task<Dictionary<string, HashSet<string>>> ReadMembersAsync(string slotPartition, CancellationToken cancellationToken)
    {
        var request = new QueryRequest
        {
            TableName = table,
            KeyConditionExpression = "#pk = :pk",
            ExpressionAttributeNames = new() { ["#pk"] = DynamoTableDefinitions.PartitionKey },
            ExpressionAttributeValues = new() { [":pk"] = Attr.S(slotPartition) },
            ConsistentRead = true,
            Limit = options.QueryPageSize,
        };
        var members = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        await foreach (var item in client.QueryAllAsync(request, cancellationToken))
        {
            var sortKey = item.GetS(DynamoTableDefinitions.SortKey);
            if (sortKey != ViewerItems.Lock)
            {
                members[sortKey] = item.GetSs(Members).ToHashSet(StringComparer.Ordinal);
            }
        }

        return members;
    }

    /// <summary>ADD or DELETE on the member sets; both are idempotent, and a set left empty disappears.</summary>
    private Task ChangeMembersAsync(string slotPartition, string action, Dictionary<string, HashSet<string>> changes, CancellationToken cancellationToken) =>
        ForEachAsync(
            changes.Where(c => c.Value.Count > 0).Select(c => new UpdateItemRequest
            {
                TableName = table,
                Key = Attr.Key(slotPartition, c.Key),
                UpdateExpression = action + " #ids :ids",
                ExpressionAttributeNames = new() { ["#ids"] = Members },
                ExpressionAttributeValues = new() { [":ids"] = Attr.Ss(c.Value) },
            }),
            cancellationToken);

    private UpdateItemRequest SetEntry(string partition, string id, string minute, AttributeValue entry) => new()
    {
        TableName = table,
        Key = Attr.Key(partition, id),
        UpdateExpression = "SET #m = :e",
        ExpressionAttributeNames = new() { ["#m"] = minute },
        ExpressionAttributeValues = new() { [":e"] = entry },
    };

    /// <summary>Removes a minute entry; the condition keeps an update from creating an empty item that was never written.</summary>
    private UpdateItemRequest RemoveEntry(string partition, string id, string minute) => new()
    {
        TableName = table,
        Key = Attr.Key(partition, id),
        UpdateExpression = "REMOVE #m",
        ConditionExpression = "attribute_exists(#sk)",
        ExpressionAttributeNames = new() { ["#m"] = minute, ["#sk"] = DynamoTableDefinitions.SortKey },
    };

    private Task ForEachAsync(IEnumerable<UpdateItemRequest> requests, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            requests,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancellationToken },
            async (request, ct) =>
            {
                try
                {
                    await client.UpdateItemAsync(request, ct);
                }
                catch (ConditionalCheckFailedException)
                {
                    // Only removals carry a condition: the item is gone already, which is what was wanted.
                }
            });

    private static void Add(Dictionary<string, HashSet<string>> sets, string key, string id)
    {
        if (!sets.TryGetValue(key, out var set))
        {
            sets[key] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.Add(id);
    }

    private static Dictionary<string, HashSet<string>> Difference(Dictionary<string, HashSet<string>> left, Dictionary<string, HashSet<string>> right) =>
        left.ToDictionary(
            kv => kv.Key,
            kv => right.TryGetValue(kv.Key, out var other) ? kv.Value.Where(id => !other.Contains(id)).ToHashSet(StringComparer.Ordinal) : kv.Value,
            StringComparer.Ordinal);
}
