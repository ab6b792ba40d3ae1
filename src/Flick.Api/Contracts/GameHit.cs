namespace Flick.Api.Contracts;

/// <summary>A game found by search, with its figures over the searched window.</summary>
public sealed record GameHit(string GameId, string Name, long ViewerMinutes, double HoursWatched, long PeakViewers, DateTimeOffset PeakAt);
