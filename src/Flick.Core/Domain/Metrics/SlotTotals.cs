namespace Flick.Core.Domain.Metrics;

/// <summary>
/// Totals of one slot over all kept observations, uncategorised included. A slot that was sampled
/// but had no live channel has a row with zeros: it still counts as a sampled minute.
/// </summary>
public sealed record SlotTotals(Slot Slot, long Viewers, int LiveChannels, int Games);
