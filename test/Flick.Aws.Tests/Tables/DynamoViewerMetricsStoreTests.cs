using Amazon.DynamoDBv2.Model;
using Flick.Aws.Tables;
using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;

namespace Flick.Aws.Tests.Tables;

[Trait("Category", "Integration")]
public sealed class DynamoViewerMetricsStoreTests(DynamoTablesFixture tables) : IClassFixture<DynamoTablesFixture>, IDisposable
{
    private readonly ProbeDynamoClient _probe = new();
    private readonly string _series = "s-" + Guid.NewGuid().ToString("N")[..12];

    public void Dispose() => _probe.Dispose();

    [Fact]
    public async Task ReadChannelAsync_WhenADayIsRead_ShouldReadAtMostTwentyFiveItemsInOneRequest()
    {
        // [12:30 day 1, 12:30 day 2) touches 25 UTC hours. Each of them gets slots at :20 and :40
        // (50 slots, channel viewers 1000 + their order); the first :20 and the last :40 fall outside.
        var store = new DynamoViewerMetricsStore(tables.Client, tables.Options, TimeProvider.System);
        var from = Slot.Parse("2024-05-01T12:30Z");
        var to = from.AddMinutes(24 * 60);
        var slots = Enumerable.Range(0, 25).SelectMany(h => new[] { 20, 40 }.Select(m => Slot.Parse("2024-05-01T12:00Z").AddMinutes(h * 60 + m))).ToList();
        for (var i = 0; i < slots.Count; i++)
        {
            await store.WriteSlotAsync(_series, Viewers(slots[i], ("c1", 1000 + i), ("c2", 5)), CancellationToken.None);
        }

        var probed = new DynamoViewerMetricsStore(_probe, tables.Options, TimeProvider.System);
        var day = await probed.ReadChannelAsync(_series, "c1", from, to, CancellationToken.None);

        day.Select(r => r.Viewers).ShouldBe(Enumerable.Range(1001, 48));
        day.Select(r => r.Slot).ShouldBe(slots[1..49]);
        _probe.ItemsRead.ShouldBe(25);
        _probe.ReadRequests.ShouldBe(1);
    }

    [Fact]
    public async Task WriteSlotAsync_WhenAWriterDiedMidway_ShouldLetTheNextWriteLeaveExactlyItsRows()
    {
        var options = tables.Options with { SlotLeaseDuration = TimeSpan.FromSeconds(1) };
        var slot = Slot.Parse("2024-05-01T12:07Z");
        await new DynamoViewerMetricsStore(tables.Client, options, TimeProvider.System)
            .WriteSlotAsync(_series, Viewers(slot, ("a", 1), ("b", 2), ("c", 3)), CancellationToken.None);
        var dying = new DynamoViewerMetricsStore(_probe, options, TimeProvider.System);
        string[] newcomers = ["d", "e", "f", "g"];
        // The dying writer widens the members (one update per shard of d..g), stores two of its five
        // entries (so at least one channel's), then stops without releasing its lease.
        _probe.CrashAfterUpdates(newcomers.Select(KeyShards.Of).Distinct().Count() + 2);

        await Should.ThrowAsync<IOException>(() => dying.WriteSlotAsync(_series, Viewers(slot, ("d", 4), ("e", 5), ("f", 6), ("g", 7)), CancellationToken.None));

        var store = new DynamoViewerMetricsStore(tables.Client, options, TimeProvider.System);
        var halfWritten = 0;
        foreach (var user in newcomers)
        {
            halfWritten += (await store.ReadChannelAsync(_series, user, slot, slot.AddMinutes(1), CancellationToken.None)).Count;
        }

        halfWritten.ShouldBeGreaterThan(0);
        var expected = Viewers(slot, ("b", 20), ("h", 80));
        await store.WriteSlotAsync(_series, expected, CancellationToken.None);

        var channels = new List<ChannelSlotMetric>();
        await foreach (var row in store.ReadChannelSlotsAsync(_series, slot, slot.AddMinutes(1), CancellationToken.None))
        {
            channels.Add(row);
        }

        channels.ShouldBe(expected.Channels);
        foreach (var gone in new[] { "a", "c", "d", "e", "f", "g" })
        {
            (await store.ReadChannelAsync(_series, gone, slot, slot.AddMinutes(1), CancellationToken.None)).ShouldBeEmpty();
        }

        (await store.ReadGamesAsync(_series, slot, slot.AddMinutes(1), CancellationToken.None)).ShouldBe(expected.Games);
        (await store.ReadTotalsAsync(_series, slot, slot.AddMinutes(1), CancellationToken.None)).ShouldBe([expected.Totals]);
    }

    [Fact]
    public async Task WriteSlotAsync_WhenAnotherWriterKeepsTheSlot_ShouldGiveUpWithATimeout()
    {
        var slot = Slot.Parse("2024-05-01T12:09Z");
        var table = tables.Prefix + DynamoTableDefinitions.Viewers.Suffix;
        var lease = Attr.Key(_series + "#s#" + slot, "lock");
        lease["owner"] = new AttributeValue { S = "someone-else" };
        lease["until"] = new AttributeValue { N = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await tables.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = lease });
        var store = new DynamoViewerMetricsStore(tables.Client, tables.Options with { SlotLeaseDuration = TimeSpan.FromMilliseconds(200) }, TimeProvider.System);

        await Should.ThrowAsync<TimeoutException>(() => store.WriteSlotAsync(_series, Viewers(slot, ("a", 1)), CancellationToken.None));

        (await store.ReadTotalsAsync(_series, slot, slot.AddMinutes(1), CancellationToken.None)).ShouldBeEmpty();
    }

    /// <summary>A slot whose channels all play game "g" (so the game row is their sum).</summary>
    private static SlotViewers Viewers(Slot slot, params (string User, int Viewers)[] channels)
    {
        var rows = channels.Select(c => new ChannelSlotMetric(slot, c.User, "g", c.Viewers, "st-" + c.User, null)).ToArray();
        GameSlotMetric[] games = channels.Length == 0 ? [] : [new GameSlotMetric(slot, "g", "Game", channels.Sum(c => (long)c.Viewers), channels.Length)];
        return new SlotViewers(slot, rows, games, new SlotTotals(slot, channels.Sum(c => (long)c.Viewers), channels.Length, games.Length));
    }
}
