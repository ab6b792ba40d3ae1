namespace Flick.Core.Domain.Metrics;

/// <summary>
/// A channel's profile: the latest observation (by slot, then <c>at</c>) gives the descriptive
/// fields; first and last seen, and the peak with the earliest slot that reached it.
/// </summary>
public sealed record ChannelProfile
{
    public required string UserId { get; init; }
    public string UserLogin { get; init; } = string.Empty;
    public string UserName { get; init; } = string.Empty;
    public string Language { get; init; } = string.Empty;
    public string Title { get; init; } = string.Empty;
    public string GameId { get; init; } = string.Empty;
    public string GameName { get; init; } = string.Empty;
    public string StreamId { get; init; } = string.Empty;
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>The <c>at</c> of the latest observation, which with <see cref="LastSeen"/> orders updates.</summary>
    public DateTimeOffset LastAt { get; init; }
    public Slot FirstSeen { get; init; }
    public Slot LastSeen { get; init; }
    public int PeakViewers { get; init; }
    public Slot PeakSlot { get; init; }
}
