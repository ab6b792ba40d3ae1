using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;
using Flick.Core.Ports;

namespace Flick.Aws.Tables;

/// <summary>
/// Per-slot viewer metrics, laid out for the API's reads: a channel's (or a game's) minutes of one
/// UTC hour are one item, so a day of one channel is 24 or 25 item reads (one BatchGetItem), and an
/// hour of every channel is one Query per shard. How a slot is replaced is told in
/// <see cref="ViewerSlotWriter"/>; the layout in the README of this folder.
/// </summary>
public sealed class DynamoViewerMetricsStore : IViewerMetricsStore
{
    /// <summary>
    /// Minutes read per pass over an hour's channel items when every channel is read: the rows must
    /// come out by slot, so a pass holds channels × this many rows in memory, not channels × 60.
    /// </summary>
    private const int MinutesPerPass = 10;

    private readonly IAmazonDynamoDB _client;
    private readonly DynamoTablesOptions _options;
    private readonly DynamoBatch _batch;
    private readonly ViewerSlotWriter _writer;
    private readonly string _table;

    public DynamoViewerMetricsStore(IAmazonDynamoDB client, DynamoTablesOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _client = client;
        _options = options.Validate();
        _batch = new DynamoBatch(client, options);
        _table = options.TableName(DynamoTableDefinitions.Viewers);
        _writer = new ViewerSlotWriter(client, options, _table, clock);
    }

    public Task WriteSlotAsync(string seriesId, SlotViewers viewers, CancellationToken cancellationToken)
    {
        Attr.ThrowIfNotKeyPart(seriesId);
        ArgumentNullException.ThrowIfNull(viewers);
        var slot = viewers.Slot;
        if (viewers.Totals.Slot != slot || viewers.Channels.Any(c => c.Slot != slot) || viewers.Games.Any(g => g.Slot != slot))
        {
            throw new ArgumentException($"every row of the slot must belong to slot {slot}", nameof(viewers));
        }

        return _writer.WriteAsync(seriesId, viewers, cancellationToken);
    }

    public async Task<long> ReadVersionAsync(string seriesId, Slot from, Slot to, CancellationToken cancellationToken)
    {
        Attr.ThrowIfNotKeyPart(seriesId);
        var version = 0L;
        foreach (var item in await ReadTotalItemsAsync(seriesId, from, to, slotAndVersionOnly: true, cancellationToken))
        {
            version = Math.Max(version, item.GetOptionalN("ver") ?? 0);
        }

        return version;
    }

    public async IAsyncEnumerable<ChannelSlotMetric> ReadChannelSlotsAsync(
        string seriesId,
        Slot from,
        Slot to,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Attr.ThrowIfNotKeyPart(seriesId);
        foreach (var hour in await SampledHoursAsync(seriesId, from, to, cancellationToken))
        {
            foreach (var minutes in hour.Chunk(MinutesPerPass))
            {
                var rows = await ReadHourAsync(
                    shard => ViewerItems.ChannelHour(seriesId, hour.Key, shard),
                    minutes,
                    ViewerItems.ReadChannel,
                    cancellationToken);
                foreach (var row in rows.OrderBy(r => r.Slot).ThenBy(r => r.UserId, StringComparer.Ordinal))
                {
                    yield return row;
                }
            }
        }
    }

    public async Task<IReadOnlyList<ChannelSlotMetric>> ReadChannelAsync(string seriesId, string userId, Slot from, Slot to, CancellationToken cancellationToken)
    {
        Attr.ThrowIfNotKeyPart(seriesId);
        ArgumentNullException.ThrowIfNull(userId);
        var shard = KeyShards.Of(userId);
        return await ReadOneAsync(hour => ViewerItems.ChannelHour(seriesId, hour, shard), userId, from, to, ViewerItems.ReadChannel, cancellationToken);
    }

    public async Task<IReadOnlyList<GameSlotMetric>> ReadGamesAsync(string seriesId, Slot from, Slot to, CancellationToken cancellationToken)
    {
        Attr.ThrowIfNotKeyPart(seriesId);
        var rows = new List<GameSlotMetric>();
        foreach (var hour in await SampledHoursAsync(seriesId, from, to, cancellationToken))
        {
            rows.AddRange(await ReadHourAsync(
                shard => ViewerItems.GameHour(seriesId, hour.Key, shard),
                [.. hour],
                ViewerItems.ReadGame,
                cancellationToken));
        }

        return [.. rows.OrderBy(r => r.Slot).ThenBy(r => r.GameId, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<GameSlotMetric>> ReadGameAsync(string seriesId, string gameId, Slot from, Slot to, CancellationToken cancellationToken)
    {
        Attr.ThrowIfNotKeyPart(seriesId);
        ArgumentNullException.ThrowIfNull(gameId);
        var shard = KeyShards.Of(gameId);
        return await ReadOneAsync(hour => ViewerItems.GameHour(seriesId, hour, shard), gameId, from, to, ViewerItems.ReadGame, cancellationToken);
    }

    public async Task<IReadOnlyList<SlotTotals>> ReadTotalsAsync(string seriesId, Slot from, Slot to, CancellationToken cancellationToken)
    {
        Attr.ThrowIfNotKeyPart(seriesId);
        return [.. (await ReadTotalItemsAsync(seriesId, from, to, slotAndVersionOnly: false, cancellationToken)).Select(item => new SlotTotals(
            item.GetSlot(DynamoTableDefinitions.SortKey),
            item.GetN("viewers"),
            item.GetInt("channels"),
            item.GetInt("games")))];
    }

    /// <summary>
    /// The sampled slots of [from, to) (those with a totals item), grouped by hour: only their minutes
    /// are read when every channel or game is read. The totals item is the last thing a slot write
    /// stores, so this also leaves out the rows of a slot whose first write is still under way.
    /// </summary>
    private async Task<List<IGrouping<Slot, Slot>>> SampledHoursAsync(string seriesId, Slot from, Slot to, CancellationToken cancellationToken) =>
        [.. (await ReadTotalItemsAsync(seriesId, from, to, slotAndVersionOnly: true, cancellationToken))
            .Select(item => item.GetSlot(DynamoTableDefinitions.SortKey))
            .GroupBy(ViewerItems.HourOf)];

    /// <summary>The totals items of [from, to), by slot: the slot text is the sort key and sorts as time does.</summary>
    private async Task<List<Dictionary<string, AttributeValue>>> ReadTotalItemsAsync(
        string seriesId,
        Slot from,
        Slot to,
        bool slotAndVersionOnly,
        CancellationToken cancellationToken)
    {
        if (to <= from)
        {
            return [];
        }

        var request = new QueryRequest
        {
            TableName = _table,
            KeyConditionExpression = "#pk = :pk AND #sk BETWEEN :first AND :last",
            ExpressionAttributeNames = new() { ["#pk"] = DynamoTableDefinitions.PartitionKey, ["#sk"] = DynamoTableDefinitions.SortKey },
            ExpressionAttributeValues = new()
            {
                [":pk"] = Attr.S(ViewerItems.Totals(seriesId)),
                [":first"] = Attr.Slot(from),
                [":last"] = Attr.Slot(to.AddMinutes(-1)),
            },
            ConsistentRead = true,
            Limit = _options.QueryPageSize,
        };
        if (slotAndVersionOnly)
        {
            request.ProjectionExpression = "#sk, #ver";
            request.ExpressionAttributeNames["#ver"] = "ver";
        }

        return await _client.QueryAllAsync(request, cancellationToken).ToListAsync(cancellationToken);
    }

    /// <summary>One channel's or game's rows: the hour items of [from, to) in one BatchGetItem (per 100 hours).</summary>
    private async Task<List<TRow>> ReadOneAsync<TRow>(
        Func<Slot, string> partitionOf,
        string id,
        Slot from,
        Slot to,
        Func<Slot, string, AttributeValue, TRow> read,
        CancellationToken cancellationToken)
    {
        if (to <= from)
        {
            return [];
        }

        var hours = ViewerItems.Hours(from, to).ToDictionary(partitionOf, StringComparer.Ordinal);
        var items = await _batch.GetAsync(_table, hours.Keys.Select(pk => Attr.Key(pk, id)), cancellationToken);
        var rows = new List<(Slot Slot, TRow Row)>();
        foreach (var item in items)
        {
            var hour = hours[item.GetS(DynamoTableDefinitions.PartitionKey)];
            foreach (var slot in ViewerItems.SlotsIn(hour, from, to))
            {
                if (item.TryGetValue(ViewerItems.MinuteName(slot), out var entry))
                {
                    rows.Add((slot, read(slot, id, entry)));
                }
            }
        }

        return [.. rows.OrderBy(r => r.Slot).Select(r => r.Row)];
    }

    /// <summary>
    /// The rows of <paramref name="slots"/> (all in one hour) of every channel or game: one Query
    /// per shard, in parallel, projecting only those minutes and skipping items that have none.
    /// </summary>
    private async Task<List<TRow>> ReadHourAsync<TRow>(
        Func<int, string> partitionOf,
        Slot[] slots,
        Func<Slot, string, AttributeValue, TRow> read,
        CancellationToken cancellationToken)
    {
        if (slots.Length == 0)
        {
            return [];
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["#pk"] = DynamoTableDefinitions.PartitionKey,
            ["#sk"] = DynamoTableDefinitions.SortKey,
        };
        for (var i = 0; i < slots.Length; i++)
        {
            names[Attr.Invariant($"#m{i}")] = ViewerItems.MinuteName(slots[i]);
        }

        var minutes = names.Keys.Skip(2).ToList();
        var shards = await Task.WhenAll(Enumerable.Range(0, KeyShards.Count).Select(async shard =>
        {
            var request = new QueryRequest
            {
                TableName = _table,
                KeyConditionExpression = "#pk = :pk",
                ProjectionExpression = "#sk, " + string.Join(", ", minutes),
                FilterExpression = string.Join(" OR ", minutes.Select(m => $"attribute_exists({m})")),
                ExpressionAttributeNames = new(names, StringComparer.Ordinal),
                ExpressionAttributeValues = new() { [":pk"] = Attr.S(partitionOf(shard)) },
                ConsistentRead = true,
                Limit = _options.QueryPageSize,
            };
            var rows = new List<TRow>();
            await foreach (var item in _client.QueryAllAsync(request, cancellationToken))
            {
                var id = item.GetS(DynamoTableDefinitions.SortKey);
                foreach (var slot in slots)
                {
                    if (item.TryGetValue(ViewerItems.MinuteName(slot), out var entry))
                    {
                        rows.Add(read(slot, id, entry));
                    }
                }
            }

            return rows;
        }));
        return [.. shards.SelectMany(rows => rows)];
    }
}
