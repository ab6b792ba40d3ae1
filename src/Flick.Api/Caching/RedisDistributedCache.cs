using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace Flick.Api.Caching;

/// <summary>
/// HybridCache's second level on Redis. It never throws: a failure is a miss (or a write not
/// made), and the connection's circuit keeps a sick Redis out of the request path.
/// </summary>
public sealed class RedisDistributedCache(RedisConnection redis, TimeProvider clock) : IDistributedCache
{
    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        var value = await redis.RunAsync(db => db.StringGetAsync(key), RedisValue.Null);
        return value.IsNull ? null : (byte[]?)value;
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var expiry = options.AbsoluteExpirationRelativeToNow
            ?? (options.AbsoluteExpiration is { } at ? at - clock.GetUtcNow() : (TimeSpan?)null)
            ?? options.SlidingExpiration;
        if (expiry is { } e && e <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        return redis.RunAsync(db => expiry is { } ttl ? db.StringSetAsync(key, value, ttl) : db.StringSetAsync(key, value), false);
    }

    // Answers do not slide: they expire at a fixed time, and a new data version retires them anyway.
    public void Refresh(string key)
    {
    }

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public Task RemoveAsync(string key, CancellationToken token = default) => redis.RunAsync(db => db.KeyDeleteAsync(key), false);
}
