namespace Flick.Api.Contracts;

/// <summary>One step of a game: viewers and channels averaged over the series' sampled minutes in the step, and their maxima.</summary>
public sealed record GamePoint(DateTimeOffset At, double ViewersAverage, long ViewersMax, double ChannelsAverage, int ChannelsMax, int Minutes);
