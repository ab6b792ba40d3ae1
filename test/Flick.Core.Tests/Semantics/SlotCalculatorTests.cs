using Flick.Core.Domain;
using Flick.Core.Semantics;
using static Flick.Core.Tests.Semantics.Fixtures;

namespace Flick.Core.Tests.Semantics;

public class SlotCalculatorTests
{
    private static readonly SeriesId Series = SeriesId.Parse("test");

    // One slot with duplicates, an equal-at tie, a missing game and a three-way viewer tie.
    private static SlotContent Slot10()
    {
        var acc = new SlotAccumulator();
        foreach (var o in new[]
        {
            Obs("u1", 100, "g1", 10),
            Obs("u1", 90, "g1", 40),   // later at: replaces 100
            Obs("u2", 50, "g1", 20),
            Obs("u2", 70, "g1", 20),   // equal at: larger count wins
            Obs("u3", 70, "g2", 30),
            Obs("u4", 70, "", 30),     // uncategorised
            Obs("u5", 0, "g2", 59),
        })
        {
            acc.OnObservation(Series, o);
        }

        return acc.Slots().Single();
    }

    [Fact]
    public void Viewers_WhenObservationsAreNotInUserIdOrder_ShouldStillListChannelsByUserId()
    {
        var slot = Slot10().Slot;
        Observation[] shuffled = [Obs("u3", 70, "g2", 30), Obs("U9", 5, "g1", 1), Obs("u1", 90, "g1", 40), Obs("_x", 1, "", 2), Obs("u2", 70, "g1", 20)];

        var v = SlotCalculator.Viewers(slot, shuffled);

        // Ordinal: upper case before '_' before lower case.
        v.Channels.Select(c => (c.UserId, c.Viewers)).ShouldBe([("U9", 5), ("_x", 1), ("u1", 90), ("u2", 70), ("u3", 70)]);
        v.Totals.Viewers.ShouldBe(236);     // 70 + 5 + 90 + 1 + 70
    }

    [Fact]
    public void Viewers_WhenSlotHasDuplicates_ShouldKeepLatestThenLargest()
    {
        var slot = Slot10();
        var v = SlotCalculator.Viewers(slot.Slot, slot.Observations);

        v.Channels.Select(c => (c.UserId, c.Viewers)).ShouldBe([("u1", 90), ("u2", 70), ("u3", 70), ("u4", 70), ("u5", 0)]);
        v.Totals.Viewers.ShouldBe(300);     // 90 + 70 + 70 + 70 + 0
        v.Totals.LiveChannels.ShouldBe(5);
        v.Totals.Games.ShouldBe(2);
    }

    [Fact]
    public void Viewers_WhenGameMissing_ShouldCountInTotalsButNotInGames()
    {
        var slot = Slot10();
        var v = SlotCalculator.Viewers(slot.Slot, slot.Observations);

        v.Games.Select(g => (g.GameId, g.Viewers, g.Channels)).ShouldBe([("g1", 160L, 2), ("g2", 70L, 2)]);
        v.Games.Sum(g => g.Viewers).ShouldBe(230);   // 300 total minus u4's 70
    }

    [Fact]
    public void Rankings_WhenViewersTie_ShouldOrderByUserIdOrdinal()
    {
        var slot = Slot10();
        var r = SlotCalculator.Rankings(slot.Slot, slot.Observations);

        r.Channels.Select(c => (c.Rank, c.UserId)).ShouldBe([(1, "u1"), (2, "u2"), (3, "u3"), (4, "u4"), (5, "u5")]);
        r.Games.Select(g => (g.Rank, g.GameId)).ShouldBe([(1, "g1"), (2, "g2")]);
    }

    [Fact]
    public void Rankings_WhenTopNSmaller_ShouldKeepOnlyTopN()
    {
        var slot = Slot10();
        var r = SlotCalculator.Rankings(slot.Slot, slot.Observations, topN: 2);

        r.Channels.Select(c => c.UserId).ShouldBe(["u1", "u2"]);
    }

    [Fact]
    public void Rankings_WhenGameViewersTie_ShouldOrderByChannelsDescThenGameId()
    {
        var acc = new SlotAccumulator();
        acc.OnObservation(Series, Obs("a", 100, "ga", 0));           // ga: 100 viewers, 1 channel
        acc.OnObservation(Series, Obs("b", 60, "gc", 0));            // gc: 100 viewers, 2 channels
        acc.OnObservation(Series, Obs("c", 40, "gc", 0));
        acc.OnObservation(Series, Obs("d", 50, "gb", 0));            // gb: 100 viewers, 2 channels
        acc.OnObservation(Series, Obs("e", 50, "gb", 0));
        var slot = acc.Slots().Single();

        var r = SlotCalculator.Rankings(slot.Slot, slot.Observations);

        r.Games.Select(g => (g.Rank, g.GameId, g.Viewers, g.Channels)).ShouldBe([(1, "gb", 100L, 2), (2, "gc", 100L, 2), (3, "ga", 100L, 1)]);
    }

    [Fact]
    public void Rankings_WhenUserIdsDifferInCase_ShouldUseOrdinalOrder()
    {
        var acc = new SlotAccumulator();
        acc.OnObservation(Series, Obs("b", 5, "", 0));
        acc.OnObservation(Series, Obs("B", 5, "", 0));
        acc.OnObservation(Series, Obs("a", 5, "", 0));
        var slot = acc.Slots().Single();

        // Ordinal: 'B' (0x42) < 'a' (0x61) < 'b' (0x62).
        SlotCalculator.Rankings(slot.Slot, slot.Observations).Channels.Select(c => c.UserId).ShouldBe(["B", "a", "b"]);
    }
}
