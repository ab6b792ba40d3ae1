namespace Flick.Pipeline.Sources;

/// <summary>
/// The outcome of one page: the last response as received (status, rate-limit headers, body bytes
/// untouched — the client does not parse pages) and a <see cref="Failure"/> when no usable page came.
/// </summary>
public sealed record HelixPageResponse
{
    public required Uri RequestUri { get; init; }

    /// <summary>The last response's status; 0 when no response arrived.</summary>
    public int StatusCode { get; init; }

    public HelixRateLimit RateLimit { get; init; } = HelixRateLimit.None;

    /// <summary>The body exactly as received; empty when none arrived or it exceeded the cap.</summary>
    public byte[] Body { get; init; } = [];

    /// <summary>From the first send to the outcome, waits included.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>How many requests were sent.</summary>
    public int Attempts { get; init; }

    public HelixFailure? Failure { get; init; }

    public bool IsSuccess => Failure is null;
}
