namespace Flick.Core.Domain.Pulls;

/// <summary>The raw table's row: one pull of one source, whatever its outcome.</summary>
public sealed record PullRecord
{
    public required string PullId { get; init; }
    public required string Source { get; init; }
    public required string SeriesId { get; init; }

    /// <summary>The time of the sample (the scheduled minute for a backfill).</summary>
    public DateTimeOffset At { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset FinishedAt { get; init; }
    public int Pages { get; init; }
    public long Bytes { get; init; }
    public int Streams { get; init; }

    /// <summary>SHA-256 over the pages' bodies in order, hex.</summary>
    public string Sha256 { get; init; } = string.Empty;
    public PullStatus Status { get; init; }
    public string? Error { get; init; }

    /// <summary>The key of the pull manifest in the raw bucket.</summary>
    public string ManifestKey { get; init; } = string.Empty;

    /// <summary>Whether the coverage rule was met in full (false when cut short by a limit or an error).</summary>
    public bool Complete { get; init; }
}
