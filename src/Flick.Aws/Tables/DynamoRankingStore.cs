using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;
using Flick.Core.Ports;

namespace Flick.Aws.Tables;

/// <summary>
/// Per-slot rankings: one item per (series, slot) holding both lists in order, so a write replaces
/// the slot atomically and a read is one GetItem. The top 100 channels take about 15 KB; the
/// 400 KB item limit leaves room for a top N of well over a thousand.
/// </summary>
public sealed class DynamoRankingStore : IRankingStore
{
    private readonly IAmazonDynamoDB _client;
    private readonly string _table;

    public DynamoRankingStore(IAmazonDynamoDB client, DynamoTablesOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _table = options.Validate().TableName(DynamoTableDefinitions.Rankings);
    }

    public async Task WriteSlotAsync(string seriesId, SlotRankings rankings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seriesId);
        ArgumentNullException.ThrowIfNull(rankings);
        var item = Attr.Key(seriesId, rankings.Slot.ToString());
        item["channels"] = Attr.L([.. rankings.Channels.Select(c => Attr.M(new()
        {
            ["r"] = Attr.N(c.Rank),
            ["u"] = Attr.S(c.UserId),
            ["l"] = Attr.S(c.UserLogin),
            ["n"] = Attr.S(c.UserName),
            ["g"] = Attr.S(c.GameId),
            ["gn"] = Attr.S(c.GameName),
            ["v"] = Attr.N(c.Viewers),
        }))]);
        item["games"] = Attr.L([.. rankings.Games.Select(g => Attr.M(new()
        {
            ["r"] = Attr.N(g.Rank),
            ["g"] = Attr.S(g.GameId),
            ["n"] = Attr.S(g.GameName),
            ["v"] = Attr.N(g.Viewers),
            ["c"] = Attr.N(g.Channels),
        }))]);
        await _client.PutItemAsync(new PutItemRequest { TableName = _table, Item = item }, cancellationToken);
    }

    public async Task<SlotRankings?> ReadSlotAsync(string seriesId, Slot slot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seriesId);
        var response = await _client.GetItemAsync(
            new GetItemRequest { TableName = _table, Key = Attr.Key(seriesId, slot.ToString()), ConsistentRead = true },
            cancellationToken);
        if (response.Item is not { Count: > 0 } item)
        {
            return null;
        }

        var channels = item.GetL("channels").Select(v => v.M).Select(c =>
            new RankedChannel(c.GetInt("r"), c.GetS("u"), c.GetS("l"), c.GetS("n"), c.GetS("g"), c.GetS("gn"), c.GetInt("v")));
        var games = item.GetL("games").Select(v => v.M).Select(g =>
            new RankedGame(g.GetInt("r"), g.GetS("g"), g.GetS("n"), g.GetN("v"), g.GetInt("c")));
        return new SlotRankings(slot, [.. channels], [.. games]);
    }
}
