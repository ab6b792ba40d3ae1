namespace Flick.Aws.Tables;

/// <summary>Exponential backoff with jitter, so that writers that collided do not collide again in step.</summary>
internal static class DynamoRetry
{
    /// <summary>Waits between attempt <paramref name="attempt"/> (1-based) and the next.</summary>
    public static Task DelayAsync(int attempt, DynamoTablesOptions options, CancellationToken cancellationToken) =>
        DelayAsync(attempt, options.RetryBaseDelay, options.RetryMaxDelay, cancellationToken);

    public static Task DelayAsync(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, CancellationToken cancellationToken)
    {
        var ceiling = Math.Min(maxDelay.Ticks, baseDelay.Ticks << Math.Clamp(attempt - 1, 0, 20));
        // "Equal jitter": at least half the exponential delay, so the backoff still grows.
#pragma warning disable CA5394 // Jitter needs no cryptographic randomness.
        var delay = ceiling / 2 + Random.Shared.NextInt64(ceiling / 2 + 1);
#pragma warning restore CA5394
        return Task.Delay(TimeSpan.FromTicks(delay), cancellationToken);
    }
}
