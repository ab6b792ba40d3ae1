namespace Flick.Core.Domain.Metrics;

/// <summary>One game in one slot: the sum of its channels' viewers and their count.</summary>
public sealed record GameSlotMetric(Slot Slot, string GameId, string GameName, long Viewers, int Channels);
