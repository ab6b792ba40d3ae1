using Flick.Core.Domain;
using Flick.Core.Semantics;
using static Flick.Core.Tests.Semantics.Fixtures;

namespace Flick.Core.Tests.Semantics;

public class SlotAccumulatorTests
{
    private static readonly SeriesId Series = SeriesId.Parse("test");

    [Fact]
    public void OnObservation_WhenSamplesSpanMinutes_ShouldSplitIntoUtcMinuteSlots()
    {
        var acc = new SlotAccumulator();
        acc.OnObservation(Series, Obs("u1", 1, "g", 59));             // 10:00:59 → 10:00
        acc.OnObservation(Series, Obs("u1", 2, "g", 0, minute: 1));   // 10:01:00 → 10:01
        acc.OnSample(Series, Ten.AddMinutes(3));                      // sampled, no streams

        acc.Slots().Select(s => (s.Slot.ToString(), s.Observations.Count))
            .ShouldBe([("2026-11-23T10:00Z", 1), ("2026-11-23T10:01Z", 1), ("2026-11-23T10:03Z", 0)]);
    }

    [Fact]
    public void OnObservation_WhenOrderReversed_ShouldKeepTheSameObservation()
    {
        var items = new[] { Obs("u", 5, "g", 10), Obs("u", 9, "g", 10), Obs("u", 3, "g", 50), Obs("u", 3, "h", 50, stream: "zz") };

        var kept = new List<Observation>();
        foreach (var order in new[] { items, items.Reverse().ToArray(), [items[2], items[0], items[3], items[1]] })
        {
            var acc = new SlotAccumulator();
            foreach (var o in order)
            {
                acc.OnObservation(Series, o);
            }

            kept.Add(acc.Slots().Single().Observations.Single());
        }

        // Latest at (10:00:50) wins; the two at 10:00:50 with equal counts tie-break on stream id: "zz" > "s-u".
        kept.ShouldAllBe(o => o.StreamId == "zz" && o.ViewerCount == 3);
    }

    [Fact]
    public void Slots_WhenUsersArriveInAnyOrder_ShouldListThemByOrdinalUserId()
    {
        // Upper case, digits, '_' and lower case sort differently by culture than by code unit.
        string[] users = ["b", "B", "_x", "a10", "a9", "Z", "10", "ä", "a"];
        var acc = new SlotAccumulator();
        foreach (var user in users)
        {
            acc.OnObservation(Series, Obs(user, 1, "g", 5));
            acc.OnObservation(Series, Obs(user, 2, "g", 5, minute: 1));
        }

        // Code unit order, written out: digits, upper case, '_', lower case, then the non-ASCII letter.
        string[] expected = ["10", "B", "Z", "_x", "a", "a10", "a9", "b", "ä"];
        acc.Slots().Select(s => s.Observations.Select(o => o.UserId)).ShouldAllBe(ids => ids.SequenceEqual(expected));
        acc.Slots().Select(s => s.Observations.Select(o => o.ViewerCount).Distinct().Single()).ShouldBe([1, 2]);
    }

    [Fact]
    public void OnRejected_WhenManyRejections_ShouldCountAllButKeepBounded()
    {
        var acc = new SlotAccumulator();
        for (var i = 0; i < SlotAccumulator.MaxKeptRejections + 5; i++)
        {
            acc.OnRejected(new Rejection { Code = RejectionCodes.MissingUserId, Reason = "x" });
        }

        acc.RejectedCount.ShouldBe(SlotAccumulator.MaxKeptRejections + 5);
        acc.Rejections.Count.ShouldBe(SlotAccumulator.MaxKeptRejections);
    }
}
