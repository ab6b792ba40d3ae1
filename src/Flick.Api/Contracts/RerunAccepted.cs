namespace Flick.Api.Contracts;

/// <summary>A re-run whose manifest was written: the run starts through the normal path.</summary>
public sealed record RerunAccepted(string RunId, string SeriesId, int Slots, DateTimeOffset From, DateTimeOffset To, string Status);
