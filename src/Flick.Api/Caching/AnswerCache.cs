using Flick.Api.Options;
using Microsoft.Extensions.Caching.Hybrid;

namespace Flick.Api.Caching;

/// <summary>
/// Cache-aside for read answers: HybridCache (in-process first level, Redis second when configured,
/// one computation per key at a time so concurrent misses read the store once) under keys that
/// carry the series' data version.
/// </summary>
public sealed class AnswerCache(HybridCache cache, SeriesVersions versions, FlickApiOptions options)
{
    private readonly HybridCacheEntryOptions _entry = new()
    {
        Expiration = options.Cache.Expiration,
        LocalCacheExpiration = options.Cache.LocalExpiration,
    };

    public async ValueTask<CachedAnswer> GetOrCreateAsync(string seriesId, string key, Func<CancellationToken, ValueTask<CachedAnswer>> compute, CancellationToken cancellationToken)
    {
        var version = await versions.GetAsync(seriesId);
        return await cache.GetOrCreateAsync($"{options.Cache.KeyPrefix}answer:{seriesId}:{version}:{key}", compute,
            static (compute, ct) => compute(ct), _entry, cancellationToken: cancellationToken);
    }

    /// <summary>Retires every cached answer of the series.</summary>
    public Task InvalidateAsync(string seriesId) => versions.BumpAsync(seriesId);
}
