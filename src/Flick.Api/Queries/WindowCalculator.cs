using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;
using Flick.Core.Ports;
using Flick.Core.Semantics;

namespace Flick.Api.Queries;

/// <summary>
/// Window figures (DESIGN §3) through Flick.Core's <see cref="WindowAccumulator"/>, fed as Finalize
/// feeds it. An exact UTC hour whose stored roll-up was computed from the current data version is
/// read instead of recomputed.
/// </summary>
public sealed class WindowCalculator(IViewerMetricsStore viewers, IWindowRollupStore rollups)
{
    private const int MinutesPerHour = 60;

    public async Task<WindowMetrics> ComputeAsync(string seriesId, Slot from, Slot to, CancellationToken ct)
    {
        if (to.UnixMinute - from.UnixMinute == MinutesPerHour && from.UnixMinute % MinutesPerHour == 0
            && await rollups.ReadVersionedAsync(seriesId, from.Start, to.Start, ct) is { } stored
            && stored.DataVersion == await viewers.ReadVersionAsync(seriesId, from, to, ct))
        {
            return stored.Window;
        }

        var window = new WindowAccumulator(from, to);
        foreach (var totals in await viewers.ReadTotalsAsync(seriesId, from, to, ct))
        {
            window.AddSampled(totals.Slot);
        }

        foreach (var game in await viewers.ReadGamesAsync(seriesId, from, to, ct))
        {
            window.AddGameName(game.GameId, game.GameName);
        }

        await foreach (var row in viewers.ReadChannelSlotsAsync(seriesId, from, to, ct))
        {
            window.Add(row);
        }

        return window.Build();
    }

    /// <summary>The window of the same length just before [from, to), for rank changes.</summary>
    public static (Slot From, Slot To) Previous(Slot from, Slot to) => (from.AddMinutes(-(to.UnixMinute - from.UnixMinute)), from);
}
