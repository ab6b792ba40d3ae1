using Flick.Api.Contracts;
using Flick.Api.Input;
using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;

namespace Flick.Api.Queries;

/// <summary>
/// Viewers over time in steps aligned to UTC (a 1h step starts on the hour, a 1d step at midnight).
/// A channel's step average is over the minutes it was live in the step (DESIGN §3, channel
/// average); a game's is over the series' sampled minutes in the step (game average), so a sampled
/// minute without the game counts as zero. A step with no sample has no point: no interpolation.
/// </summary>
public static class StepSeries
{
    public static IReadOnlyList<ChannelPoint> Channel(IEnumerable<ChannelSlotMetric> rows, StepSize step) =>
        rows.GroupBy(r => Bucket(r.Slot, step))
            .OrderBy(g => g.Key)
            .Select(g => new ChannelPoint(
                Slot.FromUnixMinute(g.Key).Start,
                (double)g.Sum(r => (long)r.Viewers) / g.Count(),
                g.Max(r => r.Viewers),
                g.Count()))
            .ToList();

    public static IReadOnlyList<GamePoint> Game(IReadOnlyCollection<GameSlotMetric> rows, IEnumerable<SlotTotals> sampled, StepSize step)
    {
        var byBucket = rows.ToLookup(r => Bucket(r.Slot, step));
        return sampled
            .GroupBy(t => Bucket(t.Slot, step))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var minutes = g.Select(t => t.Slot).Distinct().Count();
                var game = byBucket[g.Key].ToList();
                return new GamePoint(
                    Slot.FromUnixMinute(g.Key).Start,
                    (double)game.Sum(r => r.Viewers) / minutes,
                    game.Count == 0 ? 0 : game.Max(r => r.Viewers),
                    (double)game.Sum(r => (long)r.Channels) / minutes,
                    game.Count == 0 ? 0 : game.Max(r => r.Channels),
                    minutes);
            })
            .ToList();
    }

    private static long Bucket(Slot slot, StepSize step) => slot.UnixMinute - (((slot.UnixMinute % step.Minutes) + step.Minutes) % step.Minutes);
}
