using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;
using Flick.Core.Ports;
using Shouldly;
using Xunit;

namespace Flick.Testing.Contracts;

/// <summary>The behaviour every <see cref="IViewerMetricsStore"/> adapter has; run once per adapter.</summary>
public abstract class ViewerMetricsStoreContract
{
    private static readonly Slot S0 = Slot.Parse("2024-05-01T12:00Z");

    private readonly string _series = TablesScope.Unique("twitch");

    protected abstract IViewerMetricsStore Store { get; }

    [Fact]
    public async Task WriteSlotAsync_WhenReadBack_ShouldReturnEqualRows()
    {
        var slot = S0.AddMinutes(1);
        var started = new DateTimeOffset(2024, 5, 1, 11, 30, 15, TimeSpan.FromHours(2)).AddTicks(7);
        ChannelSlotMetric[] channels = [new(slot, "10", "509658", 1500, "st-10", started), new(slot, "20", string.Empty, 7, "st-20", null)];
        GameSlotMetric[] games = [new(slot, "509658", "Just Chatting", 1500, 1)];
        var totals = new SlotTotals(slot, 1507, 2, 1);

        await Store.WriteSlotAsync(_series, new SlotViewers(slot, channels, games, totals), CancellationToken.None);

        (await ReadChannelSlotsAsync(_series, S0, S0.AddMinutes(5))).ShouldBe(channels);
        (await Store.ReadChannelAsync(_series, "20", S0, S0.AddMinutes(5), CancellationToken.None)).ShouldBe([channels[1]]);
        (await Store.ReadGamesAsync(_series, S0, S0.AddMinutes(5), CancellationToken.None)).ShouldBe(games);
        (await Store.ReadGameAsync(_series, "509658", S0, S0.AddMinutes(5), CancellationToken.None)).ShouldBe(games);
        (await Store.ReadTotalsAsync(_series, S0, S0.AddMinutes(5), CancellationToken.None)).ShouldBe([totals]);
    }

    [Fact]
    public async Task WriteSlotAsync_WhenTheSlotIsWrittenAgain_ShouldLeaveExactlyTheNewRows()
    {
        var slot = S0;
        var neighbour = S0.AddMinutes(1);
        var other = _series + "-other";
        await Store.WriteSlotAsync(_series, Viewers(slot, ("a", "g1", 10), ("b", "g1", 20), ("c", "g2", 30)), CancellationToken.None);
        await Store.WriteSlotAsync(_series, Viewers(neighbour, ("a", "g1", 11)), CancellationToken.None);
        await Store.WriteSlotAsync(other, Viewers(slot, ("z", "g9", 99)), CancellationToken.None);

        await Store.WriteSlotAsync(_series, Viewers(slot, ("b", "g3", 21), ("d", "g3", 41)), CancellationToken.None);

        (await ReadChannelSlotsAsync(_series, slot, slot.AddMinutes(1))).ShouldBe(
        [
            new ChannelSlotMetric(slot, "b", "g3", 21, "st-b", null),
            new ChannelSlotMetric(slot, "d", "g3", 41, "st-d", null),
        ]);
        (await Store.ReadGamesAsync(_series, slot, slot.AddMinutes(1), CancellationToken.None)).ShouldBe([new GameSlotMetric(slot, "g3", "Game g3", 62, 2)]);
        (await Store.ReadTotalsAsync(_series, slot, slot.AddMinutes(1), CancellationToken.None)).ShouldBe([new SlotTotals(slot, 62, 2, 1)]);
        (await Store.ReadChannelAsync(_series, "a", slot, slot.AddMinutes(2), CancellationToken.None)).ShouldBe([new ChannelSlotMetric(neighbour, "a", "g1", 11, "st-a", null)]);
        (await Store.ReadGameAsync(_series, "g1", slot, slot.AddMinutes(2), CancellationToken.None)).ShouldBe([new GameSlotMetric(neighbour, "g1", "Game g1", 11, 1)]);
        (await ReadChannelSlotsAsync(other, slot, slot.AddMinutes(1))).Select(c => c.UserId).ShouldBe(["z"]);
    }

    [Fact]
    public async Task ReadChannelAsync_WhenTheWindowCrossesMinuteHourAndDayBoundaries_ShouldReturnExactlyTheChannelsSlotsInIt()
    {
        // Slots every 7 minutes for about 25 hours from 23:00 the day before S0's day; "a" is
        // live in every other slot, "b" in all. Windows start and end at odd minutes.
        var start = Slot.FromUnixMinute(S0.UnixMinute - S0.UnixMinute % 1440 - 60);
        var written = new List<ChannelSlotMetric>();
        for (var i = 0; i < 220; i++)
        {
            var slot = start.AddMinutes(i * 7);
            var rows = i % 2 == 0 ? new[] { ("a", "g1", i), ("b", "g2", 1000 + i) } : [("b", "g2", 1000 + i)];
            var viewers = Viewers(slot, rows);
            await Store.WriteSlotAsync(_series, viewers, CancellationToken.None);
            written.AddRange(viewers.Channels);
        }

        (Slot From, Slot To)[] windows =
        [
            (start, start.AddMinutes(1)),
            (start.AddMinutes(3), start.AddMinutes(4)),
            (start.AddMinutes(13), start.AddMinutes(71)),
            (start.AddMinutes(59), start.AddMinutes(61 + 24 * 60)),
            (start.AddMinutes(-600), start.AddMinutes(220 * 7 + 600)),
        ];
        foreach (var (from, to) in windows)
        {
            foreach (var user in new[] { "a", "b", "nobody" })
            {
                var expected = written.Where(c => c.UserId == user && c.Slot >= from && c.Slot < to).OrderBy(c => c.Slot).ToList();
                (await Store.ReadChannelAsync(_series, user, from, to, CancellationToken.None)).ShouldBe(expected, $"{user} in [{from}, {to})");
            }
        }
    }

    [Fact]
    public async Task WriteSlotAsync_WhenASampledSlotHasNoChannels_ShouldKeepAZeroTotalsRowAndNoOtherRows()
    {
        await Store.WriteSlotAsync(_series, Viewers(S0, ("a", "g1", 10)), CancellationToken.None);

        await Store.WriteSlotAsync(_series, Viewers(S0), CancellationToken.None);

        (await ReadChannelSlotsAsync(_series, S0, S0.AddMinutes(1))).ShouldBeEmpty();
        (await Store.ReadChannelAsync(_series, "a", S0, S0.AddMinutes(1), CancellationToken.None)).ShouldBeEmpty();
        (await Store.ReadGamesAsync(_series, S0, S0.AddMinutes(1), CancellationToken.None)).ShouldBeEmpty();
        (await Store.ReadTotalsAsync(_series, S0, S0.AddMinutes(1), CancellationToken.None)).ShouldBe([new SlotTotals(S0, 0, 0, 0)]);
    }

    [Fact]
    public async Task Reads_WhenSlotsWereWrittenOutOfOrder_ShouldReturnRowsBySlotThenIdWithinTheHalfOpenRange()
    {
        await Store.WriteSlotAsync(_series, Viewers(S0.AddMinutes(3), ("x", "g1", 1)), CancellationToken.None);
        await Store.WriteSlotAsync(_series, Viewers(S0.AddMinutes(1), ("y", "g2", 2), ("10", "g1", 3), ("9", "g2", 4)), CancellationToken.None);
        await Store.WriteSlotAsync(_series, Viewers(S0.AddMinutes(2), ("y", "g1", 5)), CancellationToken.None);
        await Store.WriteSlotAsync(_series, Viewers(S0, ("y", "g1", 6)), CancellationToken.None);

        var from = S0.AddMinutes(1);
        var to = S0.AddMinutes(3);
        (await ReadChannelSlotsAsync(_series, from, to)).Select(c => (c.Slot, c.UserId)).ShouldBe(
            [(from, "10"), (from, "9"), (from, "y"), (S0.AddMinutes(2), "y")]);
        (await Store.ReadChannelAsync(_series, "y", S0, to, CancellationToken.None)).Select(c => c.Viewers).ShouldBe([6, 2, 5]);
        (await Store.ReadGamesAsync(_series, from, to, CancellationToken.None)).Select(g => (g.Slot, g.GameId, g.Viewers)).ShouldBe(
            [(from, "g1", 3L), (from, "g2", 6L), (S0.AddMinutes(2), "g1", 5L)]);
        (await Store.ReadGameAsync(_series, "g1", S0, S0.AddMinutes(4), CancellationToken.None)).Select(g => g.Viewers).ShouldBe([6L, 3L, 5L, 1L]);
        (await Store.ReadTotalsAsync(_series, from, to, CancellationToken.None)).Select(t => t.Slot).ShouldBe([from, S0.AddMinutes(2)]);
        (await ReadChannelSlotsAsync(_series, to, to)).ShouldBeEmpty();
        (await Store.ReadTotalsAsync(_series, to, from, CancellationToken.None)).ShouldBeEmpty();
        (await Store.ReadChannelAsync(_series, "y", to, S0, CancellationToken.None)).ShouldBeEmpty();
        (await Store.ReadGamesAsync(_series, to, from, CancellationToken.None)).ShouldBeEmpty();
        (await Store.ReadVersionAsync(_series, to, from, CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task Reads_WhenTheRangeCrossesHours_ShouldReturnTheRowsOfEachHourInSlotOrder()
    {
        var hour = Slot.Parse("2024-05-01T13:00Z");
        foreach (var (slot, viewers) in new[] { (hour.AddMinutes(-2), 1), (hour.AddMinutes(-1), 2), (hour, 3), (hour.AddMinutes(1), 4), (hour.AddMinutes(60), 5) })
        {
            await Store.WriteSlotAsync(_series, Viewers(slot, ("u", "g", viewers), ("v", "g", 100)), CancellationToken.None);
        }

        var from = hour.AddMinutes(-1);
        var to = hour.AddMinutes(60);
        (await ReadChannelSlotsAsync(_series, from, to)).Select(c => (c.Slot, c.UserId)).ShouldBe(
            [(from, "u"), (from, "v"), (hour, "u"), (hour, "v"), (hour.AddMinutes(1), "u"), (hour.AddMinutes(1), "v")]);
        (await Store.ReadChannelAsync(_series, "u", from, to, CancellationToken.None)).Select(c => c.Viewers).ShouldBe([2, 3, 4]);
        (await Store.ReadGameAsync(_series, "g", from, to, CancellationToken.None)).Select(g => g.Viewers).ShouldBe([102L, 103L, 104L]);
        (await Store.ReadGamesAsync(_series, from, to, CancellationToken.None)).Select(g => g.Slot).ShouldBe([from, hour, hour.AddMinutes(1)]);
        (await Store.ReadTotalsAsync(_series, from, to, CancellationToken.None)).Select(t => t.Viewers).ShouldBe([102L, 103L, 104L]);
    }

    [Fact]
    public async Task ReadVersionAsync_WhenSlotsAreWritten_ShouldGiveEachWriteAHigherVersionAndAWindowTheHighestOfItsSlots()
    {
        (await Store.ReadVersionAsync(_series, S0, S0.AddMinutes(60), CancellationToken.None)).ShouldBe(0);

        await Store.WriteSlotAsync(_series, Viewers(S0, ("a", "g", 1)), CancellationToken.None);
        var first = await Store.ReadVersionAsync(_series, S0, S0.AddMinutes(1), CancellationToken.None);
        await Store.WriteSlotAsync(_series, Viewers(S0.AddMinutes(1), ("a", "g", 2)), CancellationToken.None);
        var second = await Store.ReadVersionAsync(_series, S0.AddMinutes(1), S0.AddMinutes(2), CancellationToken.None);
        await Store.WriteSlotAsync(_series, Viewers(S0, ("a", "g", 3)), CancellationToken.None);
        var rewritten = await Store.ReadVersionAsync(_series, S0, S0.AddMinutes(1), CancellationToken.None);

        first.ShouldBeGreaterThan(0);
        second.ShouldBeGreaterThan(first);
        rewritten.ShouldBeGreaterThan(second);
        (await Store.ReadVersionAsync(_series, S0, S0.AddMinutes(60), CancellationToken.None)).ShouldBe(rewritten);
        (await Store.ReadVersionAsync(_series, S0.AddMinutes(1), S0.AddMinutes(60), CancellationToken.None)).ShouldBe(second);
        (await Store.ReadVersionAsync(_series, S0.AddMinutes(2), S0.AddMinutes(60), CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task WriteSlotAsync_WhenEightTasksWriteDifferentSlotsAtOnce_ShouldStoreEverySlot()
    {
        const int slots = 8;
        const int channelsPerSlot = 40;
        var writes = Enumerable.Range(0, slots).Select(i => Task.Run(() =>
        {
            var rows = Enumerable.Range(0, channelsPerSlot).Select(c => ($"u{c:D3}", "g" + (c % 3), i + c)).ToArray();
            return Store.WriteSlotAsync(_series, Viewers(S0.AddMinutes(i), rows), CancellationToken.None);
        }));

        await Task.WhenAll(writes);

        var totals = await Store.ReadTotalsAsync(_series, S0, S0.AddMinutes(slots), CancellationToken.None);
        totals.Select(t => t.Slot).ShouldBe(Enumerable.Range(0, slots).Select(i => S0.AddMinutes(i)));
        (await ReadChannelSlotsAsync(_series, S0, S0.AddMinutes(slots))).Count.ShouldBe(slots * channelsPerSlot);
        (await Store.ReadGamesAsync(_series, S0, S0.AddMinutes(slots), CancellationToken.None)).Count.ShouldBe(slots * 3);
        var lastUser = await Store.ReadChannelAsync(_series, "u039", S0, S0.AddMinutes(slots), CancellationToken.None);
        lastUser.Select(c => c.Viewers).ShouldBe(Enumerable.Range(0, slots).Select(i => i + 39));
    }

    [Fact]
    public async Task WriteSlotAsync_WhenTwoTasksRewriteTheSameSlotAtOnce_ShouldLeaveExactlyOneOfTheWrites()
    {
        await Store.WriteSlotAsync(_series, Viewers(S0, ("old", "g0", 1)), CancellationToken.None);
        var left = Viewers(S0, [.. Enumerable.Range(0, 30).Select(i => ($"a{i:D2}", "g1", 10 + i))]);
        var right = Viewers(S0, [.. Enumerable.Range(15, 30).Select(i => ($"a{i:D2}", "g2", 1000 + i))]);

        await Task.WhenAll(Task.Run(() => Store.WriteSlotAsync(_series, left, CancellationToken.None)), Task.Run(() => Store.WriteSlotAsync(_series, right, CancellationToken.None)));

        var channels = await ReadChannelSlotsAsync(_series, S0, S0.AddMinutes(1));
        var winner = channels.Count > 0 && channels[0].GameId == "g1" ? left : right;
        channels.ShouldBe(winner.Channels);
        (await Store.ReadGamesAsync(_series, S0, S0.AddMinutes(1), CancellationToken.None)).ShouldBe(winner.Games);
        (await Store.ReadTotalsAsync(_series, S0, S0.AddMinutes(1), CancellationToken.None)).ShouldBe([winner.Totals]);
    }

    [Fact]
    public async Task WriteSlotAsync_WhenARowBelongsToAnotherSlot_ShouldThrow()
    {
        var viewers = Viewers(S0, ("a", "g", 1)) with { Totals = new SlotTotals(S0.AddMinutes(1), 1, 1, 1) };

        await Should.ThrowAsync<ArgumentException>(() => Store.WriteSlotAsync(_series, viewers, CancellationToken.None));
    }

    /// <summary>A slot's rows as the Viewers step would compute them, restated simply: games sum their channels.</summary>
    protected static SlotViewers Viewers(Slot slot, params (string User, string Game, int Viewers)[] channels)
    {
        var channelRows = channels.OrderBy(c => c.User, StringComparer.Ordinal)
            .Select(c => new ChannelSlotMetric(slot, c.User, c.Game, c.Viewers, "st-" + c.User, null))
            .ToArray();
        var games = channels.GroupBy(c => c.Game).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GameSlotMetric(slot, g.Key, "Game " + g.Key, g.Sum(c => (long)c.Viewers), g.Count()))
            .ToArray();
        return new SlotViewers(slot, channelRows, games, new SlotTotals(slot, channels.Sum(c => (long)c.Viewers), channels.Length, games.Length));
    }

    private async Task<List<ChannelSlotMetric>> ReadChannelSlotsAsync(string series, Slot from, Slot to)
    {
        var rows = new List<ChannelSlotMetric>();
        await foreach (var row in Store.ReadChannelSlotsAsync(series, from, to, CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }
}
