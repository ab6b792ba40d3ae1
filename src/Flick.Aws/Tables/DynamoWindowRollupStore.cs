using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Flick.Core.Domain.Metrics;
using Flick.Core.Ports;

namespace Flick.Aws.Tables;

/// <summary>
/// Window roll-ups. A window of 10,000 channels does not fit in one 400 KB item, so each window's
/// partition holds a head item (sort key <c>head</c>: sampled minutes, the total, the data version,
/// the id of the write and its part counts) and part items of up to 500 figures
/// (<c>part#&lt;data version&gt;#&lt;write id&gt;#c|g#&lt;index&gt;</c>).
/// <para>
/// A write puts its parts under a fresh write id first, then the head on condition that no head
/// with a newer data version is stored. The head is the single switch from one roll-up to the next:
/// a reader follows the head's version and write id and never sees a mix of two writes. A loser
/// deletes its own parts. The winner, at version v, deletes the parts of the head it replaced and
/// every part of a version below v: no writer of an older version can win any more (heads only go
/// up), so those parts are dead, among them the parts of a writer that died between its parts and its
/// head. Parts of version v under another write id are left alone: a concurrent writer of the same
/// version may still put its head.
/// </para>
/// </summary>
public sealed class DynamoWindowRollupStore : IWindowRollupStore
{
    private const int MaxReadAttempts = 5;

    private readonly IAmazonDynamoDB _client;
    private readonly DynamoTablesOptions _options;
    private readonly DynamoBatch _batch;
    private readonly string _table;

    public DynamoWindowRollupStore(IAmazonDynamoDB client, DynamoTablesOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _options = options.Validate();
        _batch = new DynamoBatch(client, options);
        _table = options.TableName(DynamoTableDefinitions.Rollups);
    }

    public async Task<bool> WriteAsync(string seriesId, WindowMetrics window, long dataVersion, CancellationToken cancellationToken)
    {
        Attr.ThrowIfNotKeyPart(seriesId);
        ArgumentNullException.ThrowIfNull(window);
        // Part keys order versions as zero-padded text, which holds for non-negative numbers only.
        ArgumentOutOfRangeException.ThrowIfNegative(dataVersion);
        var partition = RollupItems.Partition(seriesId, window.From, window.To);
        if (await ReadHeadAsync(partition, cancellationToken) is { } current && current.GetN("ver") > dataVersion)
        {
            return false;   // cheap early exit; the condition on the head below is what decides
        }

        var writeId = Guid.NewGuid().ToString("N");
        var channels = RollupItems.Parts(window.Channels);
        var games = RollupItems.Parts(window.Games);
        var parts = channels.Select((p, i) => Part(partition, dataVersion, writeId, RollupItems.ChannelKind, i, p))
            .Concat(games.Select((p, i) => Part(partition, dataVersion, writeId, RollupItems.GameKind, i, p)))
            .ToList();
        await _batch.WriteAsync(_table, parts.Select(p => new WriteRequest { PutRequest = new PutRequest { Item = p } }), cancellationToken);

        var head = Attr.Key(partition, RollupItems.Head);
        head["from"] = Attr.Time(window.From);
        head["to"] = Attr.Time(window.To);
        head["sampled"] = Attr.N(window.SampledMinutes);
        head["total"] = RollupItems.ToValue(window.Total);
        head["ver"] = Attr.N(dataVersion);
        head["write"] = Attr.S(writeId);
        head["channel_parts"] = Attr.N(channels.Count);
        head["game_parts"] = Attr.N(games.Count);
        PutItemResponse put;
        try
        {
            put = await _client.PutItemAsync(
                new PutItemRequest
                {
                    TableName = _table,
                    Item = head,
                    ConditionExpression = "attribute_not_exists(#sk) OR #ver <= :ver",
                    ExpressionAttributeNames = new() { ["#sk"] = DynamoTableDefinitions.SortKey, ["#ver"] = "ver" },
                    ExpressionAttributeValues = new() { [":ver"] = Attr.N(dataVersion) },
                    ReturnValues = ReturnValue.ALL_OLD,
                },
                cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            await DeleteAsync(partition, PartKeys(dataVersion, writeId, channels.Count, games.Count), cancellationToken);
            return false;
        }

        var dead = await PartKeysBelowAsync(partition, dataVersion, cancellationToken);
        if (put.Attributes is { Count: > 0 } replaced && replaced.GetN("ver") == dataVersion)
        {
            // A rewrite of the same version: the replaced parts are not below it, so they are named by its head.
            dead.UnionWith(PartKeys(dataVersion, replaced.GetS("write"), replaced.GetInt("channel_parts"), replaced.GetInt("game_parts")));
        }

        await DeleteAsync(partition, dead, cancellationToken);
        return true;
    }

    public async Task<WindowMetrics?> ReadAsync(string seriesId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        (await ReadVersionedAsync(seriesId, from, to, cancellationToken))?.Window;

    /// <summary>
    /// Reads the head, then the parts it names. If a newer write replaced the head and deleted those
    /// parts in between, the parts come back incomplete and the read starts again from the new head.
    /// </summary>
    public async Task<VersionedWindow?> ReadVersionedAsync(string seriesId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        Attr.ThrowIfNotKeyPart(seriesId);
        var partition = RollupItems.Partition(seriesId, from, to);
        for (var attempt = 1; attempt <= MaxReadAttempts; attempt++)
        {
            if (await ReadHeadAsync(partition, cancellationToken) is not { } head)
            {
                return null;
            }

            var prefix = RollupItems.PartPrefix(head.GetN("ver"), head.GetS("write"));
            var request = new QueryRequest
            {
                TableName = _table,
                KeyConditionExpression = "#pk = :pk AND begins_with(#sk, :prefix)",
                ExpressionAttributeNames = new() { ["#pk"] = DynamoTableDefinitions.PartitionKey, ["#sk"] = DynamoTableDefinitions.SortKey },
                ExpressionAttributeValues = new() { [":pk"] = Attr.S(partition), [":prefix"] = Attr.S(prefix) },
                ConsistentRead = true,
                Limit = _options.QueryPageSize,
            };
            var channels = new List<WindowFigures>();
            var games = new List<WindowFigures>();
            var (channelParts, gameParts) = (0, 0);
            // Sort keys order the parts: every channel part (c) by index, then every game part (g).
            await foreach (var part in _client.QueryAllAsync(request, cancellationToken))
            {
                var isChannel = part.GetS("kind") == RollupItems.ChannelKind;
                (isChannel ? channels : games).AddRange(part.GetL("figures").Select(RollupItems.FromValue));
                (channelParts, gameParts) = isChannel ? (channelParts + 1, gameParts) : (channelParts, gameParts + 1);
            }

            if (channelParts == head.GetInt("channel_parts") && gameParts == head.GetInt("game_parts"))
            {
                var window = new WindowMetrics(head.GetTime("from"), head.GetTime("to"), head.GetInt("sampled"),
                    RollupItems.FromValue(head["total"]), channels, games);
                return new VersionedWindow(window, head.GetN("ver"));
            }

            await DynamoRetry.DelayAsync(attempt, _options, cancellationToken);
        }

        throw new InvalidOperationException($"the roll-up {partition} kept changing while it was read");
    }

    private async Task<Dictionary<string, AttributeValue>?> ReadHeadAsync(string partition, CancellationToken cancellationToken)
    {
        var response = await _client.GetItemAsync(
            new GetItemRequest { TableName = _table, Key = Attr.Key(partition, RollupItems.Head), ConsistentRead = true },
            cancellationToken);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    /// <summary>The sort keys of every part of a version below <paramref name="dataVersion"/> (keys only are read).</summary>
    private async Task<HashSet<string>> PartKeysBelowAsync(string partition, long dataVersion, CancellationToken cancellationToken)
    {
        var request = new QueryRequest
        {
            TableName = _table,
            KeyConditionExpression = "#pk = :pk AND #sk BETWEEN :start AND :below",
            ExpressionAttributeNames = new() { ["#pk"] = DynamoTableDefinitions.PartitionKey, ["#sk"] = DynamoTableDefinitions.SortKey },
            ExpressionAttributeValues = new()
            {
                [":pk"] = Attr.S(partition),
                [":start"] = Attr.S(RollupItems.PartsStart),
                [":below"] = Attr.S(RollupItems.PartsBelow(dataVersion)),
            },
            ProjectionExpression = "#sk",
            ConsistentRead = true,
            Limit = _options.QueryPageSize,
        };
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var item in _client.QueryAllAsync(request, cancellationToken))
        {
            keys.Add(item.GetS(DynamoTableDefinitions.SortKey));
        }

        return keys;
    }

    private static IEnumerable<string> PartKeys(long dataVersion, string writeId, int channelParts, int gameParts) =>
        Enumerable.Range(0, channelParts).Select(i => RollupItems.PartKey(dataVersion, writeId, RollupItems.ChannelKind, i))
            .Concat(Enumerable.Range(0, gameParts).Select(i => RollupItems.PartKey(dataVersion, writeId, RollupItems.GameKind, i)));

    private Task DeleteAsync(string partition, IEnumerable<string> sortKeys, CancellationToken cancellationToken) =>
        _batch.WriteAsync(
            _table,
            sortKeys.Select(sk => new WriteRequest { DeleteRequest = new DeleteRequest { Key = Attr.Key(partition, sk) } }),
            cancellationToken);

    private static Dictionary<string, AttributeValue> Part(string partition, long dataVersion, string writeId, string kind, int index, List<AttributeValue> figures)
    {
        var item = Attr.Key(partition, RollupItems.PartKey(dataVersion, writeId, kind, index));
        item["kind"] = Attr.S(kind);
        item["figures"] = Attr.L(figures);
        return item;
    }
}
