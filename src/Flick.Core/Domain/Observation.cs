namespace Flick.Core.Domain;

/// <summary>
/// One validated stream observation: a channel seen live in a sample at <see cref="At"/>.
/// The fields keep the Helix names' meaning; <see cref="GameId"/> is empty when uncategorised.
/// </summary>
public sealed record Observation
{
    public required string UserId { get; init; }
    public string UserLogin { get; init; } = string.Empty;
    public string UserName { get; init; } = string.Empty;
    public string GameId { get; init; } = string.Empty;
    public string GameName { get; init; } = string.Empty;

    /// <summary>The Helix stream id (one broadcast).</summary>
    public string StreamId { get; init; } = string.Empty;
    public string Title { get; init; } = string.Empty;
    public string Language { get; init; } = string.Empty;
    public int ViewerCount { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public bool IsMature { get; init; }

    /// <summary>When the sample holding this observation was taken.</summary>
    public DateTimeOffset At { get; init; }

    public Slot Slot => Slot.Of(At);

    public bool IsCategorised => GameId.Length > 0;
}
