namespace Flick.Api.Options;

/// <summary>Token buckets of the built-in rate limiter, refilled every second.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests per minute for one signed-in user.</summary>
    public int PerUserPerMinute { get; set; } = 1_200;

    /// <summary>Requests per minute from one client address, signed in or not.</summary>
    public int PerAddressPerMinute { get; set; } = 6_000;

    /// <summary>Sign-in attempts per minute from one client address (guards passwords against guessing).</summary>
    public int TokenPerAddressPerMinute { get; set; } = 20;
}
