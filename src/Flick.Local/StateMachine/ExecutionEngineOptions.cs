namespace Flick.Local.StateMachine;

public sealed class ExecutionEngineOptions
{
    /// <summary>The clock for delays, timeouts and the context object's times.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Multiplies every retry backoff before waiting: 1.0 waits what the definition says; the local
    /// runtime and tests use less (0 = retry at once) so a failing step does not stall a demo for minutes.
    /// </summary>
    public double RetryDelayScale { get; init; } = 1.0;

    /// <summary>Multiplies the time a Wait state waits, like <see cref="RetryDelayScale"/>.</summary>
    public double WaitDelayScale { get; init; } = 1.0;

    /// <summary>The random fraction in [0, 1) that FULL jitter takes of a backoff.</summary>
    public Func<double> JitterSource { get; init; } = Random.Shared.NextDouble;

    /// <summary>Told of every delay before it starts, unscaled: observability and tests.</summary>
    public Action<ScheduledDelay>? DelayScheduled { get; init; }
}
