using Flick.Core.Domain;
using Flick.Core.Domain.Runs;
using Flick.Core.Ports;

namespace Flick.Api.Queries;

/// <summary>
/// Where a series' data ends, so that a read without a window covers the latest data rather than
/// "now" (a backfill or an upload may lie in the past): the end of its latest finished run.
/// </summary>
public sealed class SeriesClock(IRunStore runs, TimeProvider clock)
{
    private const int RunsConsidered = 50;

    /// <summary>The exclusive end of the series' latest data, or the next minute when it has none.</summary>
    public async Task<Slot> LatestEndAsync(string seriesId, CancellationToken cancellationToken)
    {
        var recent = await runs.ListAsync(seriesId, RunsConsidered, cancellationToken);
        var finished = recent.Where(r => r.Status == RunStatus.Succeeded && r.To > r.From).ToList();
        return finished.Count > 0 ? finished.Max(r => r.To) : Slot.Of(clock.GetUtcNow()).AddMinutes(1);
    }

    /// <summary>The given window, or the <paramref name="length"/> that ends with the series' latest data.</summary>
    public async Task<(Slot From, Slot To)> ResolveAsync(string seriesId, (Slot From, Slot To)? window, TimeSpan length, CancellationToken cancellationToken)
    {
        if (window is { } given)
        {
            return given;
        }

        var end = await LatestEndAsync(seriesId, cancellationToken);
        return (end.AddMinutes(-(long)length.TotalMinutes), end);
    }
}
