namespace Flick.Local.Simulator;

internal readonly record struct RateLimitState(int Limit, int Remaining, DateTimeOffset ResetAt);
