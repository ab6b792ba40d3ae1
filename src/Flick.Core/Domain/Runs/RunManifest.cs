namespace Flick.Core.Domain.Runs;

/// <summary>
/// The run manifest the Background Starter (or a re-run) writes to the series bucket; its creation
/// starts the state machine. The run id is deterministic in what the run covers, so a redelivered
/// message writes the same manifest and starts nothing twice.
/// </summary>
public sealed record RunManifest
{
    public required string RunId { get; init; }
    public required string SeriesId { get; init; }

    /// <summary>The slots of the run, in <see cref="Slot.Format"/>, ascending.</summary>
    public required IReadOnlyList<string> Slots { get; init; }
    public long Observations { get; init; }
    public long Rejected { get; init; }
    public string Reason { get; init; } = RunReasons.Ingest;

    /// <summary>What the run came from: the raw object key, or the re-run request.</summary>
    public string? Source { get; init; }
    public bool Notify { get; init; } = true;
    public DateTimeOffset CreatedAt { get; init; }
}
