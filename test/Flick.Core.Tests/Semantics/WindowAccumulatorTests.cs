using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;
using Flick.Core.Semantics;
using static Flick.Core.Tests.Semantics.Fixtures;

namespace Flick.Core.Tests.Semantics;

public class WindowAccumulatorTests
{
    private static Slot At(int minute) => Slot.Of(Ten.AddMinutes(minute));

    private static ChannelSlotMetric Row(int minute, string user, string game, int viewers, string stream, int startedMinute) =>
        new(At(minute), user, game, viewers, stream, Ten.AddMinutes(startedMinute));

    // Slots 10:00, 10:01, 10:02, 10:04 sampled; 10:03 is a gap. A switches from g1 to g2 and starts
    // a new stream s2 at 10:03. Rows at 09:59 and 10:05 lie outside [10:00, 10:05).
    private static readonly ChannelSlotMetric[] Rows =
    [
        Row(-1, "B", "g1", 999, "s0", -30),
        Row(0, "A", "g1", 10, "s1", -60),
        Row(1, "A", "g1", 20, "s1", -60),
        Row(1, "B", "g1", 30, "s3", 1),
        Row(2, "A", "g2", 20, "s1", -60),
        Row(2, "B", "g1", 30, "s3", 1),
        Row(4, "A", "g2", 5, "s2", 3),
        Row(5, "B", "g1", 1000, "s3", 1),
    ];

    private static WindowMetrics Compute(int fromMinute, int toMinute, params int[] extraSampled)
    {
        var acc = new WindowAccumulator(At(fromMinute), At(toMinute));
        foreach (var row in Rows)
        {
            acc.Add(row);
        }

        foreach (var m in extraSampled)
        {
            acc.AddSampled(At(m));
        }

        acc.AddGameName("g1", "Chess");
        return acc.Build(id => "name-" + id);
    }

    [Fact]
    public void Build_WhenChannelHasGap_ShouldCountOnlyObservedMinutes()
    {
        var w = Compute(0, 5);

        var a = w.Channels.Single(c => c.Id == "A");
        a.ViewerMinutes.ShouldBe(55);          // 10 + 20 + 20 + 5
        a.Minutes.ShouldBe(4);
        a.AverageViewers.ShouldBe(13.75);      // 55 / 4
        a.PeakViewers.ShouldBe(20);
        a.PeakSlot.ShouldBe(At(1));            // earliest of the two 20s
        a.StreamCount.ShouldBe(1);             // s2 started 10:03; s1 started before the window
        a.Name.ShouldBe("name-A");

        var b = w.Channels.Single(c => c.Id == "B");
        (b.ViewerMinutes, b.Minutes, b.PeakViewers, b.PeakSlot, b.StreamCount).ShouldBe((60L, 2, 30L, At(1), 1));
        b.AverageViewers.ShouldBe(30);
    }

    [Theory]
    [InlineData(1)]   // 10:00 | 10:01..
    [InlineData(2)]   // A's two peaks of 20 fall in different parts: the earlier slot must win
    [InlineData(3)]   // the gap at 10:03 starts the second part
    [InlineData(4)]   // g2's stream s2 only in the second part
    public void Merge_OfTheWindowReadInTwoRunsOfMinutes_ShouldGiveTheFiguresOfOnePass(int split)
    {
        var whole = Compute(0, 5);
        var first = new WindowAccumulator(At(0), At(5));
        var second = new WindowAccumulator(At(0), At(5));
        foreach (var row in Rows)
        {
            (row.Slot < At(split) ? first : second).Add(row);
        }

        second.AddGameName("g1", "Chess");
        first.Merge(second);
        var merged = first.Build(id => "name-" + id);

        merged.ShouldBeEquivalentTo(whole);
        var a = merged.Channels.Single(c => c.Id == "A");
        (a.ViewerMinutes, a.Minutes, a.PeakViewers, a.PeakSlot, a.StreamCount).ShouldBe((55L, 4, 20L, At(1), 1));
        (merged.SampledMinutes, merged.Total.ViewerMinutes, merged.Total.StreamCount).ShouldBe((4, 115L, 2));
        merged.Games.Single(g => g.Id == "g1").Name.ShouldBe("Chess");
    }

    [Fact]
    public void Merge_OfAnotherWindow_ShouldBeRefused()
    {
        var window = new WindowAccumulator(At(0), At(5));

        Should.Throw<ArgumentException>(() => window.Merge(new WindowAccumulator(At(0), At(6))));
    }

    [Fact]
    public void Build_WhenComputingTotals_ShouldUseSampledMinutes()
    {
        var w = Compute(0, 5);

        w.SampledMinutes.ShouldBe(4);                    // 10:03 has no sample
        w.Total.ViewerMinutes.ShouldBe(115);             // 10 + 50 + 50 + 5
        w.Total.AverageViewers.ShouldBe(28.75);          // 115 / 4
        w.Total.HoursWatched.ShouldBe(115 / 60.0);
        (w.Total.PeakViewers, w.Total.PeakSlot).ShouldBe((50L, At(1)));
        w.Total.StreamCount.ShouldBe(2);                 // s2, s3
    }

    [Fact]
    public void Build_WhenChannelSwitchesGames_ShouldSplitItsViewersByGame()
    {
        var w = Compute(0, 5);

        var g1 = w.Games.Single(g => g.Id == "g1");
        (g1.ViewerMinutes, g1.PeakViewers, g1.PeakSlot, g1.StreamCount, g1.Name).ShouldBe((90L, 50L, At(1), 1, "Chess"));
        g1.AverageViewers.ShouldBe(22.5);                // 90 / 4 sampled minutes

        var g2 = w.Games.Single(g => g.Id == "g2");
        (g2.ViewerMinutes, g2.PeakViewers, g2.PeakSlot, g2.StreamCount).ShouldBe((25L, 20L, At(2), 1));
        g2.AverageViewers.ShouldBe(6.25);
    }

    [Fact]
    public void Build_WhenRanking_ShouldOrderByViewerMinutes()
    {
        var w = Compute(0, 5);

        w.Channels.Select(c => c.Id).ShouldBe(["B", "A"]);
        w.Games.Select(g => g.Id).ShouldBe(["g1", "g2"]);
    }

    [Fact]
    public void Build_WhenWindowEdges_ShouldIncludeFromAndExcludeTo()
    {
        var w = Compute(1, 2);   // [10:01, 10:02)

        w.SampledMinutes.ShouldBe(1);
        w.Channels.Select(c => (c.Id, c.ViewerMinutes)).ShouldBe([("B", 30L), ("A", 20L)]);
        w.Channels.Single(c => c.Id == "B").StreamCount.ShouldBe(1);   // s3 started exactly at from
        w.Total.StreamCount.ShouldBe(1);
    }

    [Fact]
    public void Build_WhenSampledSlotHasNoStreams_ShouldLowerTheAverage()
    {
        var w = Compute(0, 5, 3);   // 10:03 sampled this time, nobody live

        w.SampledMinutes.ShouldBe(5);
        w.Total.AverageViewers.ShouldBe(23);   // 115 / 5
        w.Games.Single(g => g.Id == "g1").AverageViewers.ShouldBe(18);   // 90 / 5
    }

    [Fact]
    public void Build_WhenRankingTiesOnViewerMinutes_ShouldUsePeakThenId()
    {
        var acc = new WindowAccumulator(At(0), At(2));
        acc.Add(Row(0, "x", "", 10, "", 0));
        acc.Add(Row(1, "x", "", 10, "", 0));   // x: 20 viewer-minutes, peak 10
        acc.Add(Row(0, "y", "", 20, "", 0));   // y: 20 viewer-minutes, peak 20
        acc.Add(Row(0, "w", "", 20, "", 0));   // w: same as y; "w" < "y"

        acc.Build().Channels.Select(c => c.Id).ShouldBe(["w", "y", "x"]);
    }
}
