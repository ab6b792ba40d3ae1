namespace Flick.Local.StateMachine;

/// <summary>Which retrier or catcher handles an error, and how long a retry waits.</summary>
internal static class RetryPolicy
{
    /// <summary>
    /// Whether <paramref name="errorEquals"/> names <paramref name="error"/>. States.ALL matches every
    /// error except States.Runtime and States.DataLimitExceeded; States.TaskFailed matches the same
    /// set except States.Timeout.
    /// </summary>
    public static bool Matches(IReadOnlyList<string> errorEquals, string error)
    {
        if (!StatesErrors.IsCatchable(error))
        {
            return false;
        }

        foreach (var name in errorEquals)
        {
            if (name == error || name == StatesErrors.All || (name == StatesErrors.TaskFailed && error != StatesErrors.Timeout))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first retrier whose ErrorEquals names the error, or -1: only the first match applies.</summary>
    public static int FindRetrier(IReadOnlyList<AslRetrier> retriers, string error)
    {
        for (var i = 0; i < retriers.Count; i++)
        {
            if (Matches(retriers[i].ErrorEquals, error))
            {
                return i;
            }
        }

        return -1;
    }

    public static AslCatcher? FindCatcher(IReadOnlyList<AslCatcher> catchers, string error) =>
        catchers.FirstOrDefault(c => Matches(c.ErrorEquals, error));

    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (1-based): IntervalSeconds ×
    /// BackoffRate^(retry-1), capped at MaxDelaySeconds; with FULL jitter a uniformly random part of
    /// it (<paramref name="random"/> in [0, 1)).
    /// </summary>
    public static TimeSpan Delay(AslRetrier retrier, int retry, double random)
    {
        var seconds = retrier.IntervalSeconds * Math.Pow(retrier.BackoffRate, retry - 1);
        if (retrier.MaxDelaySeconds is { } cap)
        {
            seconds = Math.Min(seconds, cap);
        }

        if (retrier.FullJitter)
        {
            seconds *= random;
        }

        return TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2));
    }
}
