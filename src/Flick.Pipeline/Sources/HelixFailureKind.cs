namespace Flick.Pipeline.Sources;

public enum HelixFailureKind
{
    /// <summary>A 4xx that retrying cannot fix (bad parameters, bad credentials).</summary>
    ClientError,

    /// <summary>5xx on every attempt.</summary>
    ServerError,

    /// <summary>429 on every attempt, or a reset further away than the longest allowed wait.</summary>
    RateLimited,

    /// <summary>No response within the per-request timeout on every attempt.</summary>
    Timeout,

    /// <summary>Connection or protocol errors on every attempt.</summary>
    Transport,

    /// <summary>The body is larger than the configured cap; it is not kept.</summary>
    BodyTooLarge,
}
