namespace Flick.Core.Domain.Metrics;

/// <summary>
/// The figures of one entity (a channel, a game, or the whole series) over a window [from, to).
/// </summary>
/// <param name="Id">user id, game id, or empty for the series total.</param>
/// <param name="ViewerMinutes">Sum of per-slot viewers.</param>
/// <param name="Minutes">Channel: minutes live (slots observed). Game and total: sampled minutes of the series.</param>
/// <param name="PeakViewers">The maximum per-slot viewers.</param>
/// <param name="PeakSlot">The earliest slot that reached the peak.</param>
/// <param name="StreamCount">Distinct stream ids whose started_at falls in the window.</param>
public sealed record WindowFigures(
    string Id,
    string Name,
    long ViewerMinutes,
    int Minutes,
    long PeakViewers,
    Slot PeakSlot,
    int StreamCount)
{
    public double HoursWatched => ViewerMinutes / MetricConstants.MinutesPerHour;

    public double AverageViewers => Minutes == 0 ? 0 : (double)ViewerMinutes / Minutes;
}
