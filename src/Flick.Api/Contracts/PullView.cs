namespace Flick.Api.Contracts;

/// <summary>One pull of a source (the raw table's row).</summary>
public sealed record PullView(string PullId, string SeriesId, DateTimeOffset At, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, int Pages, long Bytes, int Streams, string Status, string? Error, bool Complete);
