namespace Flick.Pipeline.Ingest;

/// <summary>What one raw object became: slot parts, quarantined records, and the runs it started.</summary>
public sealed record IngestResult(string SourceKey, int Slots, long Observations, long Rejected, IReadOnlyList<string> RunIds, string? Error);
