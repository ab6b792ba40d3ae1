namespace Flick.Local.Runtime;

/// <summary>What a backfill did, as printed at its end.</summary>
public sealed record RunSummary(
    string SeriesId,
    DateTimeOffset From,
    DateTimeOffset To,
    int Pulls,
    int FailedPulls,
    int Slots,
    long Observations,
    long Rejected,
    int Runs,
    int FailedRuns,
    TimeSpan Elapsed)
{
    public double ObservationsPerSecond => Elapsed.TotalSeconds > 0 ? Observations / Elapsed.TotalSeconds : 0;
}
