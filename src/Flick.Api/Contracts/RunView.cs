namespace Flick.Api.Contracts;

/// <summary>A run and its progress: slots done are the slots whose three per-slot steps finished.</summary>
public sealed record RunView(string RunId, string SeriesId, string Status, string Reason, DateTimeOffset? From, DateTimeOffset? To, int Slots, int SlotsDone, long Observations, long Rejected, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error);
