namespace Flick.Pipeline.Sources;

/// <summary>Retries, waits and limits of <see cref="HelixClient"/>.</summary>
public sealed record HelixClientOptions
{
    public const string SectionName = "Flick:Helix";

    /// <summary>Requests per page, the first included.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>For one request, body included.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first retry's delay; it doubles per attempt, with jitter.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The longest wait for <c>Ratelimit-Reset</c>; a later reset fails the page instead.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(65);

    /// <summary>The largest page body kept; a larger one is a <see cref="HelixFailureKind.BodyTooLarge"/> failure.</summary>
    public long MaxBodyBytes { get; set; } = 16L * 1024 * 1024;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxAttempts is < 1 or > 20)
        {
            errors.Add($"{nameof(MaxAttempts)} must be in 1..20.");
        }

        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{nameof(RequestTimeout)} must be above zero and at most 10 minutes.");
        }

        if (BackoffBase <= TimeSpan.Zero || BackoffMax < BackoffBase || BackoffMax > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{nameof(BackoffBase)} must be above zero and at most {nameof(BackoffMax)}, itself at most 10 minutes.");
        }

        if (MaxRateLimitWait < TimeSpan.Zero || MaxRateLimitWait > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{nameof(MaxRateLimitWait)} must be in 0..10 minutes.");
        }

        if (MaxBodyBytes is < 1 or > 1024L * 1024 * 1024)
        {
            errors.Add($"{nameof(MaxBodyBytes)} must be in 1 byte..1 GiB.");
        }

        return errors;
    }
}
