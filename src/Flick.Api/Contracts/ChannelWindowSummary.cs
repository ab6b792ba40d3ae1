namespace Flick.Api.Contracts;

/// <summary>A channel's figures over [From, To): viewer-minutes, hours watched, minutes live, average and peak.</summary>
public sealed record ChannelWindowSummary(DateTimeOffset From, DateTimeOffset To, long ViewerMinutes, double HoursWatched, int MinutesLive, double AverageViewers, long PeakViewers, DateTimeOffset? PeakAt);
