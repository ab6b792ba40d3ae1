namespace Flick.Api.Contracts;

/// <summary>A game's place in a window ranking; its average is over the series' sampled minutes.</summary>
public sealed record GameWindowEntry(int Rank, int? PreviousRank, int? RankChange, string GameId, string Name, long ViewerMinutes, double HoursWatched, long PeakViewers, DateTimeOffset PeakAt, double AverageViewers, int SampledMinutes, int StreamCount);
