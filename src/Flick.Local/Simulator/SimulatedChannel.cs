namespace Flick.Local.Simulator;

/// <summary>The fixed traits of one channel; everything that changes over time is derived from these.</summary>
internal sealed record SimulatedChannel
{
    public required int Index { get; init; }
    public required string UserId { get; init; }
    public required string Login { get; init; }
    public required string DisplayName { get; init; }
    public required string Language { get; init; }
    public required int PeakHourUtc { get; init; }

    /// <summary>Typical viewers at the language's peak hour (Zipf over a seeded ranking).</summary>
    public required double Popularity { get; init; }

    /// <summary>Index into the game list, or -1 for a channel that never sets a category.</summary>
    public required int MainGame { get; init; }
    public required bool IsMature { get; init; }
    public required IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Length of the channel's streaming cycle: at most one session per cycle.</summary>
    public required int PeriodMinutes { get; init; }
    public required int PhaseMinutes { get; init; }

    /// <summary>Average share of its minutes the channel is live.</summary>
    public required double LiveShare { get; init; }
    public required string ThumbnailUrl { get; init; }
}
