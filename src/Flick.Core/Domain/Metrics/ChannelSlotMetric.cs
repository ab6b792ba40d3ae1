namespace Flick.Core.Domain.Metrics;

/// <summary>One channel in one slot: the kept observation's viewers and what it was streaming.</summary>
public sealed record ChannelSlotMetric(
    Slot Slot,
    string UserId,
    string GameId,
    int Viewers,
    string StreamId,
    DateTimeOffset? StartedAt);
