using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;
using Flick.Local.Data;

namespace Flick.Local.Tests.Data;

public sealed class SqliteViewerMetricsStoreTests : IDisposable
{
    private const string Series = "twitch-all";
    private static readonly Slot S0 = Slot.Parse("2024-05-01T12:00Z");

    private readonly TestDatabase _test = new();
    private readonly SqliteViewerMetricsStore _store;

    public SqliteViewerMetricsStoreTests() => _store = new SqliteViewerMetricsStore(_test.Database);

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task WriteSlotAsync_WhenReadBack_ShouldReturnEqualRows()
    {
        var slot = S0.AddMinutes(1);
        var started = new DateTimeOffset(2024, 5, 1, 9, 30, 15, TimeSpan.Zero).AddTicks(7);
        ChannelSlotMetric[] channels = [new(slot, "10", "509658", 1500, "st-10", started), new(slot, "20", string.Empty, 7, "st-20", null)];
        GameSlotMetric[] games = [new(slot, "509658", "Just Chatting", 1500, 1)];
        var totals = new SlotTotals(slot, 1507, 2, 1);

        await _store.WriteSlotAsync(Series, new SlotViewers(slot, channels, games, totals), CancellationToken.None);

        (await ReadChannelSlotsAsync(Series, S0, S0.AddMinutes(5))).ShouldBe(channels);
        (await _store.ReadGamesAsync(Series, S0, S0.AddMinutes(5), CancellationToken.None)).ShouldBe(games);
        (await _store.ReadTotalsAsync(Series, S0, S0.AddMinutes(5), CancellationToken.None)).ShouldBe([totals]);
    }

    [Fact]
    public async Task WriteSlotAsync_WhenTheSlotIsWrittenAgain_ShouldLeaveExactlyTheNewRows()
    {
        var slot = S0;
        var neighbour = S0.AddMinutes(1);
        await _store.WriteSlotAsync(Series, Viewers(slot, ("a", "g1", 10), ("b", "g1", 20), ("c", "g2", 30)), CancellationToken.None);
        await _store.WriteSlotAsync(Series, Viewers(neighbour, ("a", "g1", 11)), CancellationToken.None);
        await _store.WriteSlotAsync("other-series", Viewers(slot, ("z", "g9", 99)), CancellationToken.None);

        await _store.WriteSlotAsync(Series, Viewers(slot, ("b", "g3", 21), ("d", "g3", 41)), CancellationToken.None);

        (await ReadChannelSlotsAsync(Series, slot, slot.AddMinutes(1))).ShouldBe(
        [
            new ChannelSlotMetric(slot, "b", "g3", 21, "st-b", null),
            new ChannelSlotMetric(slot, "d", "g3", 41, "st-d", null),
        ]);
        (await _store.ReadGamesAsync(Series, slot, slot.AddMinutes(1), CancellationToken.None)).ShouldBe([new GameSlotMetric(slot, "g3", "Game g3", 62, 2)]);
        (await _store.ReadTotalsAsync(Series, slot, slot.AddMinutes(1), CancellationToken.None)).ShouldBe([new SlotTotals(slot, 62, 2, 1)]);
        (await ReadChannelSlotsAsync(Series, neighbour, neighbour.AddMinutes(1))).ShouldBe([new ChannelSlotMetric(neighbour, "a", "g1", 11, "st-a", null)]);
        (await ReadChannelSlotsAsync("other-series", slot, slot.AddMinutes(1))).Select(c => c.UserId).ShouldBe(["z"]);
    }

    [Fact]
    public async Task Reads_WhenSlotsWereWrittenOutOfOrder_ShouldReturnRowsBySlotThenIdWithinTheHalfOpenRange()
    {
        await _store.WriteSlotAsync(Series, Viewers(S0.AddMinutes(3), ("x", "g1", 1)), CancellationToken.None);
        await _store.WriteSlotAsync(Series, Viewers(S0.AddMinutes(1), ("y", "g2", 2), ("10", "g1", 3), ("9", "g2", 4)), CancellationToken.None);
        await _store.WriteSlotAsync(Series, Viewers(S0.AddMinutes(2), ("y", "g1", 5)), CancellationToken.None);
        await _store.WriteSlotAsync(Series, Viewers(S0, ("y", "g1", 6)), CancellationToken.None);

        var from = S0.AddMinutes(1);
        var to = S0.AddMinutes(3);
        (await ReadChannelSlotsAsync(Series, from, to)).Select(c => (c.Slot, c.UserId)).ShouldBe(
            [(from, "10"), (from, "9"), (from, "y"), (S0.AddMinutes(2), "y")]);
        (await _store.ReadChannelAsync(Series, "y", S0, to, CancellationToken.None)).Select(c => c.Viewers).ShouldBe([6, 2, 5]);
        (await _store.ReadGamesAsync(Series, from, to, CancellationToken.None)).Select(g => (g.Slot, g.GameId, g.Viewers)).ShouldBe(
            [(from, "g1", 3L), (from, "g2", 6L), (S0.AddMinutes(2), "g1", 5L)]);
        (await _store.ReadGameAsync(Series, "g1", S0, S0.AddMinutes(4), CancellationToken.None)).Select(g => g.Viewers).ShouldBe([6L, 3L, 5L, 1L]);
        (await _store.ReadTotalsAsync(Series, from, to, CancellationToken.None)).Select(t => t.Slot).ShouldBe([from, S0.AddMinutes(2)]);
    }

    [Fact]
    public async Task WriteSlotAsync_WhenEightTasksWriteDifferentSlotsAtOnce_ShouldStoreEverySlot()
    {
        const int slots = 8;
        const int channelsPerSlot = 2_000;
        var writes = Enumerable.Range(0, slots).Select(i => Task.Run(() =>
        {
            var rows = Enumerable.Range(0, channelsPerSlot).Select(c => ($"u{c:D5}", "g1", i + c)).ToArray();
            return _store.WriteSlotAsync(Series, Viewers(S0.AddMinutes(i), rows), CancellationToken.None);
        }));

        await Task.WhenAll(writes);

        var totals = await _store.ReadTotalsAsync(Series, S0, S0.AddMinutes(slots), CancellationToken.None);
        totals.Select(t => t.Slot).ShouldBe(Enumerable.Range(0, slots).Select(i => S0.AddMinutes(i)));
        (await ReadChannelSlotsAsync(Series, S0, S0.AddMinutes(slots))).Count.ShouldBe(slots * channelsPerSlot);
        var lastUser = await _store.ReadChannelAsync(Series, "u01999", S0, S0.AddMinutes(slots), CancellationToken.None);
        lastUser.Select(c => c.Viewers).ShouldBe(Enumerable.Range(0, slots).Select(i => i + 1999));
    }

    [Fact]
    public async Task WriteSlotAsync_WhenARowBelongsToAnotherSlot_ShouldThrow()
    {
        var viewers = Viewers(S0, ("a", "g", 1)) with { Totals = new SlotTotals(S0.AddMinutes(1), 1, 1, 1) };

        await Should.ThrowAsync<ArgumentException>(() => _store.WriteSlotAsync(Series, viewers, CancellationToken.None));
    }

    /// <summary>A slot's rows as the Viewers step would compute them, restated simply: games sum their channels.</summary>
    private static SlotViewers Viewers(Slot slot, params (string User, string Game, int Viewers)[] channels)
    {
        var channelRows = channels.Select(c => new ChannelSlotMetric(slot, c.User, c.Game, c.Viewers, "st-" + c.User, null)).ToArray();
        var games = channels.GroupBy(c => c.Game)
            .Select(g => new GameSlotMetric(slot, g.Key, "Game " + g.Key, g.Sum(c => (long)c.Viewers), g.Count()))
            .ToArray();
        return new SlotViewers(slot, channelRows, games, new SlotTotals(slot, channels.Sum(c => (long)c.Viewers), channels.Length, games.Length));
    }

    private async Task<List<ChannelSlotMetric>> ReadChannelSlotsAsync(string series, Slot from, Slot to)
    {
        var rows = new List<ChannelSlotMetric>();
        await foreach (var row in _store.ReadChannelSlotsAsync(series, from, to, CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }
}
