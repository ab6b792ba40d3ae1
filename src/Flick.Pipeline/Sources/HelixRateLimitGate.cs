using System.Collections.Concurrent;

namespace Flick.Pipeline.Sources;

/// <summary>
/// Remembers which rate-limit buckets (API root + client id) a response left empty, and until when,
/// so that the next request — from any client sharing the gate — waits for the reset instead of
/// spending a 429. Register it once (singleton); typed HTTP clients come and go.
/// </summary>
public sealed class HelixRateLimitGate
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _emptyUntil = new(StringComparer.Ordinal);

    internal static string BucketOf(HelixPageRequest request) =>
        request.BaseUri.GetLeftPart(UriPartial.Authority) + "|" + request.Credentials?.ClientId;

    /// <summary>How long to wait before spending a point of <paramref name="bucket"/>.</summary>
    internal TimeSpan WaitBefore(string bucket, DateTimeOffset now) =>
        _emptyUntil.TryGetValue(bucket, out var reset) && reset > now ? reset - now : TimeSpan.Zero;

    internal void Observe(string bucket, HelixRateLimit rateLimit)
    {
        if (rateLimit is { Remaining: 0, Reset: { } reset })
        {
            _emptyUntil[bucket] = reset;
        }
        else if (rateLimit.Remaining is > 0)
        {
            _emptyUntil.TryRemove(bucket, out _);
        }
    }
}
