namespace Flick.Api.Contracts;

/// <summary>A channel's place in a window ranking (viewer-minutes desc, peak desc, id); rank change is against the previous window of the same length, positive when it moved up.</summary>
public sealed record ChannelWindowEntry(int Rank, int? PreviousRank, int? RankChange, string UserId, string Login, string Name, long ViewerMinutes, double HoursWatched, long PeakViewers, DateTimeOffset PeakAt, double AverageViewers, int MinutesLive, int StreamCount);
