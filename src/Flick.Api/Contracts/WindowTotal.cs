namespace Flick.Api.Contracts;

/// <summary>The whole series over the window.</summary>
public sealed record WindowTotal(long ViewerMinutes, double HoursWatched, long PeakViewers, DateTimeOffset? PeakAt, double AverageViewers, int SampledMinutes, int StreamCount);
