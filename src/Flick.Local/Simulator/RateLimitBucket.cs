namespace Flick.Local.Simulator;

/// <summary>
/// Helix's points bucket, simplified to a window that refills whole at each UTC minute (or at the
/// reset a scripted 429 announced).
/// </summary>
internal sealed class RateLimitBucket(int limit, TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private int _remaining;
    private DateTimeOffset _resetAt = DateTimeOffset.MinValue;

    public int Limit => limit;

    /// <summary>Takes one point; false when the bucket is empty.</summary>
    public bool TryTake(out RateLimitState state)
    {
        lock (_gate)
        {
            Refill();
            var taken = _remaining > 0;
            if (taken)
            {
                _remaining--;
            }

            state = new RateLimitState(limit, _remaining, _resetAt);
            return taken;
        }
    }

    public RateLimitState Peek()
    {
        lock (_gate)
        {
            Refill();
            return new RateLimitState(limit, _remaining, _resetAt);
        }
    }

    /// <summary>Empties the bucket until <paramref name="resetIn"/> from now (rounded up to a whole second, as the header is).</summary>
    public RateLimitState Exhaust(TimeSpan resetIn)
    {
        lock (_gate)
        {
            var resetSeconds = (long)Math.Ceiling((timeProvider.GetUtcNow() + resetIn).ToUnixTimeMilliseconds() / 1000.0);
            _resetAt = DateTimeOffset.FromUnixTimeSeconds(resetSeconds);
            _remaining = 0;
            return new RateLimitState(limit, _remaining, _resetAt);
        }
    }

    private void Refill()
    {
        var now = timeProvider.GetUtcNow();
        if (now >= _resetAt)
        {
            _remaining = limit;
            _resetAt = SimulatedWorld.MinuteOf(now).AddMinutes(1);
        }
    }
}
