namespace Flick.Api.Contracts;

/// <summary>One step of a channel's viewers: the average over the minutes it was live in the step, and the maximum.</summary>
public sealed record ChannelPoint(DateTimeOffset At, double Average, int Max, int Minutes);
