using System.Collections.Concurrent;
using System.Globalization;
using Flick.Api.Options;
using StackExchange.Redis;

namespace Flick.Api.Caching;

/// <summary>
/// The data version of each series, which every cache key carries: a "SeriesReady" raises it, so
/// answers computed before it are never read again (they expire on their own). Versions are Unix
/// milliseconds and only grow. This process keeps its own copy and raises it at once, so its next
/// answer is fresh even while Redis is down; Redis shares versions between instances (a key per
/// series, raised with a max, and a channel announcing each raise), and a reconnect merges both ways.
/// </summary>
public sealed partial class SeriesVersions : IDisposable
{
    // Lua numbers are doubles: milliseconds stay exact, ticks would not.
    private const string InitScript = "local v = redis.call('GET', KEYS[1]) if v then return tonumber(v) end redis.call('SET', KEYS[1], ARGV[1]) return tonumber(ARGV[1])";
    private const string MaxScript = "local v = tonumber(redis.call('GET', KEYS[1]) or '0') local n = tonumber(ARGV[1]) if n > v then redis.call('SET', KEYS[1], ARGV[1]) v = n end return v";

    private readonly ConcurrentDictionary<string, long> _local = new(StringComparer.Ordinal);

    // Versions this process made up while Redis was away (not raises): the shared one wins when Redis returns.
    private readonly ConcurrentDictionary<string, byte> _madeUp = new(StringComparer.Ordinal);
    private readonly RedisConnection _redis;
    private readonly TimeProvider _clock;
    private readonly ILogger<SeriesVersions> _logger;
    private readonly string _prefix;
    private readonly RedisChannel _channel;
    private int _subscribed;
    private int _unsynced;

    public SeriesVersions(RedisConnection redis, FlickApiOptions options, TimeProvider clock, ILogger<SeriesVersions> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_redis, _clock, _logger) = (redis, clock, logger);
        _prefix = options.Cache.KeyPrefix + "version:";
        _channel = RedisChannel.Literal(options.Cache.KeyPrefix + "versions");
        _redis.Restored += OnRestored;
    }

    /// <summary>The series' current version; the first call of the process reads (or sets) the shared one.</summary>
    public ValueTask<long> GetAsync(string seriesId)
    {
        if (_local.TryGetValue(seriesId, out var version))
        {
            if (Volatile.Read(ref _unsynced) == 1 && _redis.Database() is not null)
            {
                _ = SyncAsync();
            }

            return ValueTask.FromResult(version);
        }

        return new ValueTask<long>(InitAsync(seriesId));
    }

    /// <summary>Raises the series' version: every answer cached before is retired.</summary>
    public async Task<long> BumpAsync(string seriesId)
    {
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var version = _local.AddOrUpdate(seriesId, now, (_, old) => Math.Max(now, old + 1));
        _madeUp.TryRemove(seriesId, out _);
        var shared = await PublishAsync(seriesId, version);
        if (shared is null)
        {
            Volatile.Write(ref _unsynced, 1);
        }

        return version;
    }

    public void Dispose() => _redis.Restored -= OnRestored;

    private async Task<long> InitAsync(string seriesId)
    {
        Subscribe();
        var proposed = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var shared = await ReadSharedAsync(seriesId, proposed);
        if (shared is null)
        {
            _madeUp[seriesId] = 0;
            Volatile.Write(ref _unsynced, 1);
        }

        return _local.AddOrUpdate(seriesId, shared ?? proposed, (_, old) => Math.Max(old, shared ?? proposed));
    }

    /// <summary>The shared version, set to <paramref name="proposed"/> when there is none yet.</summary>
    private Task<long?> ReadSharedAsync(string seriesId, long proposed) =>
        _redis.RunAsync(async db => (long?)(long)await db.ScriptEvaluateAsync(InitScript, [Key(seriesId)], [proposed]), null);

    private async Task<long?> PublishAsync(string seriesId, long version)
    {
        Subscribe();
        return await _redis.RunAsync(async db =>
        {
            var max = (long)await db.ScriptEvaluateAsync(MaxScript, [Key(seriesId)], [version]);
            await db.PublishAsync(_channel, string.Create(CultureInfo.InvariantCulture, $"{seriesId} {max}"));
            return (long?)max;
        }, null);
    }

    /// <summary>Merges every known version with Redis both ways (after a reconnect, or when a raise could not be shared).</summary>
    private async Task SyncAsync()
    {
        if (Interlocked.Exchange(ref _unsynced, 0) == 0)
        {
            return;
        }

        foreach (var (series, version) in _local)
        {
            var madeUp = _madeUp.ContainsKey(series);
            if (await (madeUp ? ReadSharedAsync(series, version) : PublishAsync(series, version)) is not { } shared)
            {
                Volatile.Write(ref _unsynced, 1);
                return;
            }

            if (madeUp && _madeUp.TryRemove(series, out _))
            {
                _local[series] = shared;   // no raise happened here meanwhile: the shared version holds
            }
            else
            {
                _local.AddOrUpdate(series, shared, (_, old) => Math.Max(old, shared));
            }
        }
    }

    private void Subscribe()
    {
        if (Volatile.Read(ref _subscribed) == 1 || _redis.Connection() is not { } connection || Interlocked.Exchange(ref _subscribed, 1) == 1)
        {
            return;
        }

        // The client subscribes again by itself after a reconnect.
        connection.GetSubscriber().Subscribe(_channel, (_, message) => OnAnnounced(message), CommandFlags.FireAndForget);
    }

    private void OnAnnounced(RedisValue message)
    {
        var text = (string?)message ?? string.Empty;
        var space = text.LastIndexOf(' ');
        if (space > 0 && long.TryParse(text.AsSpan(space + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            _local.AddOrUpdate(text[..space], version, (_, old) => Math.Max(old, version));
        }
    }

    private void OnRestored(object? sender, EventArgs e)
    {
        Volatile.Write(ref _unsynced, 1);
        _ = Task.Run(async () =>
        {
            try
            {
                await SyncAsync();
            }
            catch (Exception ex)
            {
                LogSyncFailed(_logger, ex.Message);
            }
        });
    }

    private RedisKey Key(string seriesId) => _prefix + seriesId;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Series versions could not be merged with Redis: {Reason}")]
    private static partial void LogSyncFailed(ILogger logger, string reason);
}
