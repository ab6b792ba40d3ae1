namespace Flick.Core.Domain.Metrics;

/// <summary>The top channels and games of one slot.</summary>
public sealed record SlotRankings(Slot Slot, IReadOnlyList<RankedChannel> Channels, IReadOnlyList<RankedGame> Games);
