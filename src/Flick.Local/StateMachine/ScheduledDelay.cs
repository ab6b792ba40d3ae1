namespace Flick.Local.StateMachine;

/// <summary>
/// A delay the engine is about to wait, as the definition computes it (before any scaling).
/// <paramref name="Attempt"/> is the retry number (1-based) for retries, 0 for Wait states.
/// </summary>
public sealed record ScheduledDelay(string StateName, DelayKind Kind, int Attempt, TimeSpan Delay);
