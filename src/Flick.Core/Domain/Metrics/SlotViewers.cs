namespace Flick.Core.Domain.Metrics;

/// <summary>Everything the Viewers step computes for one slot.</summary>
public sealed record SlotViewers(
    Slot Slot,
    IReadOnlyList<ChannelSlotMetric> Channels,
    IReadOnlyList<GameSlotMetric> Games,
    SlotTotals Totals);
