using Flick.Api.Options;
using Microsoft.Extensions.Caching.Hybrid;

namespace Flick.Api.Caching;

/// <summary>
/// Cache-aside for read answers: HybridCache (in-process first level, Redis second when configured,
/// one computation per key at a time so concurrent misses read the store once) under keys that
/// carry the series' data version. With the cache switched off (<see cref="CacheOptions.Enabled"/>)
/// every answer is computed from the store and no cache level is touched.
/// </summary>
public sealed class AnswerCache(HybridCache? cache, SeriesVersions? versions, FlickApiOptions options)
{
    private readonly HybridCacheEntryOptions _entry = Entry(options);

    private readonly HybridCache? _cache = options.Cache.Enabled ? cache : null;
    private readonly SeriesVersions? _versions = options.Cache.Enabled ? versions : null;
    private readonly string _prefix = options.Cache.KeyPrefix + "answer:";

    public bool Enabled => _cache is not null;

    public async ValueTask<CachedAnswer> GetOrCreateAsync(string seriesId, string key, Func<CancellationToken, ValueTask<CachedAnswer>> compute, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compute);
        if (_cache is null || _versions is null)
        {
            return await compute(cancellationToken);
        }

        var version = await _versions.GetAsync(seriesId);
        return await _cache.GetOrCreateAsync(string.Concat(_prefix, seriesId, ":", version.ToString(System.Globalization.CultureInfo.InvariantCulture), ":", key), compute,
            static (compute, ct) => compute(ct), _entry, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Without Redis, the in-process level is the only one: an answer there lives as long as it would
    /// in Redis. Keys carry the data version, so this bounds memory only, and an early expiry would
    /// only make every client wait for a recomputation.
    /// </summary>
    internal static HybridCacheEntryOptions Entry(FlickApiOptions options) => new()
    {
        Expiration = options.Cache.Expiration,
        LocalCacheExpiration = options.Redis is null ? options.Cache.Expiration : options.Cache.LocalExpiration,
    };

    /// <summary>Retires every cached answer of the series.</summary>
    public Task InvalidateAsync(string seriesId) => _versions?.BumpAsync(seriesId) ?? Task.CompletedTask;
}
