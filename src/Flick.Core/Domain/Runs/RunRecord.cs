namespace Flick.Core.Domain.Runs;

/// <summary>One run of the state machine over some slots of a series (the run table's row).</summary>
public sealed record RunRecord
{
    public required string RunId { get; init; }
    public required string SeriesId { get; init; }
    public RunStatus Status { get; init; }
    public Slot From { get; init; }

    /// <summary>Exclusive end: one past the last slot.</summary>
    public Slot To { get; init; }
    public int Slots { get; init; }
    public long Observations { get; init; }
    public long Rejected { get; init; }

    /// <summary>Why the run was made: ingest, rerun.</summary>
    public string Reason { get; init; } = RunReasons.Ingest;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public string? Error { get; init; }
}
