using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;

namespace Flick.Core.Ports;

/// <summary>
/// Per-slot viewer metrics (clean tables): channels, games and totals. Writing a slot replaces what
/// was stored for that slot, so a re-run leaves exactly the new values.
/// </summary>
public interface IViewerMetricsStore
{
    /// <summary>Replaces the slot's rows and gives the slot a new, higher data version.</summary>
    Task WriteSlotAsync(string seriesId, SlotViewers viewers, CancellationToken cancellationToken);

    /// <summary>
    /// The highest data version among the slots in [from, to), or 0. A figure computed from the
    /// rows after reading version v includes every slot write up to v.
    /// </summary>
    Task<long> ReadVersionAsync(string seriesId, Slot from, Slot to, CancellationToken cancellationToken);

    /// <summary>Every channel row of the series in [from, to), ordered by slot.</summary>
    IAsyncEnumerable<ChannelSlotMetric> ReadChannelSlotsAsync(string seriesId, Slot from, Slot to, CancellationToken cancellationToken);

    /// <summary>One channel's rows in [from, to), ordered by slot.</summary>
    Task<IReadOnlyList<ChannelSlotMetric>> ReadChannelAsync(string seriesId, string userId, Slot from, Slot to, CancellationToken cancellationToken);

    /// <summary>Every game row of the series in [from, to), ordered by slot.</summary>
    Task<IReadOnlyList<GameSlotMetric>> ReadGamesAsync(string seriesId, Slot from, Slot to, CancellationToken cancellationToken);

    /// <summary>One game's rows in [from, to), ordered by slot.</summary>
    Task<IReadOnlyList<GameSlotMetric>> ReadGameAsync(string seriesId, string gameId, Slot from, Slot to, CancellationToken cancellationToken);

    /// <summary>Totals rows in [from, to), ordered by slot: one per sampled slot.</summary>
    Task<IReadOnlyList<SlotTotals>> ReadTotalsAsync(string seriesId, Slot from, Slot to, CancellationToken cancellationToken);
}
