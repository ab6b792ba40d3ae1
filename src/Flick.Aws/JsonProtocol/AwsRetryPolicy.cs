namespace Flick.Aws.JsonProtocol;

/// <summary>
/// Bounded exponential backoff with full jitter: before retry <c>n</c> the caller waits a random time
/// between zero and <c>min(MaxDelay, BaseDelay · 2^(n-1))</c>, so clients throttled together spread out.
/// </summary>
public sealed record AwsRetryPolicy
{
    public static AwsRetryPolicy Default { get; } = new();

    /// <summary>Attempts in all, the first one included.</summary>
    public int MaxAttempts { get; init; } = 4;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(BaseDelay, TimeSpan.Zero, nameof(BaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, BaseDelay, nameof(MaxDelay));
    }

    /// <summary>The upper bound of the wait before retry <paramref name="retry"/> (1 for the first retry).</summary>
    public TimeSpan DelayCap(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        // Doubling stops once past the cap, which also keeps the multiplication from overflowing.
        var cap = BaseDelay;
        for (var i = 1; i < retry && cap < MaxDelay; i++)
        {
            cap += cap;
        }

        return cap < MaxDelay ? cap : MaxDelay;
    }

    /// <summary>The wait before retry <paramref name="retry"/>, given a uniform sample in [0, 1).</summary>
    public TimeSpan DelayBeforeRetry(int retry, double unitSample) => DelayCap(retry) * Math.Clamp(unitSample, 0, 1);
}
