namespace Flick.Api.Options;

/// <summary>The answer cache: an in-process first level and, when configured, Redis as the second.</summary>
public sealed class CacheOptions
{
    /// <summary>
    /// Off, every read is computed from the store and neither level (nor Redis) is touched: for
    /// measuring the cache's worth, or for ruling it out while looking into an answer.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long Redis keeps an answer. Keys carry the series' data version, so this bounds memory, not staleness.</summary>
    public TimeSpan Expiration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the in-process level keeps an answer when Redis is the second level (without Redis: <see cref="Expiration"/>).</summary>
    public TimeSpan LocalExpiration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest a Redis command may take before the answer comes from the store instead.</summary>
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>After a Redis failure, Redis is left alone this long, then tried again.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Prefix of every Redis key, so that several deployments can share a server.</summary>
    public string KeyPrefix { get; set; } = "flick:";
}
