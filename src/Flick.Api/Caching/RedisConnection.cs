using Flick.Api.Options;
using StackExchange.Redis;

namespace Flick.Api.Caching;

/// <summary>
/// The one Redis connection of the process, guarded so that Redis can never make a request fail or
/// wait long: commands have a short timeout, commands are not queued while disconnected, and after
/// a failure a circuit keeps Redis out of the path for <see cref="CacheOptions.BreakDuration"/>,
/// then lets the next command try again. The client reconnects by itself, so the cache comes back
/// without a restart. It connects at first use, not at registration.
/// </summary>
public sealed partial class RedisConnection(FlickApiOptions options, TimeProvider clock, ILogger<RedisConnection> logger) : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private Task<ConnectionMultiplexer?>? _connecting;
    private ConnectionMultiplexer? _connection;
    private long _openUntilTicks;

    /// <summary>Raised (off the request path) when the connection comes back after a loss.</summary>
    public event EventHandler? Restored;

    /// <summary>Redis is configured and the cache is on: with the cache off, Redis is never connected to.</summary>
    public bool IsConfigured => options.Redis is not null && options.Cache.Enabled;

    /// <summary>"up", "down" (configured but unreachable, or the circuit is open), "not-configured", or "disabled" (the cache is off).</summary>
    public string State => !options.Cache.Enabled ? "disabled" : !IsConfigured ? "not-configured" : Database() is null ? "down" : "up";

    /// <summary>The database, or null while Redis is not configured, not connected, or its circuit is open.</summary>
    public IDatabase? Database()
    {
        if (!IsConfigured || clock.GetUtcNow().UtcTicks < Interlocked.Read(ref _openUntilTicks))
        {
            return null;
        }

        var connection = Connection();
        return connection is { IsConnected: true } ? connection.GetDatabase() : null;
    }

    /// <summary>The connection once it exists (connected or not); starts connecting at the first call.</summary>
    public ConnectionMultiplexer? Connection()
    {
        if (_connection is not null || !IsConfigured)
        {
            return _connection;
        }

        lock (_lock)
        {
            _connecting ??= ConnectAsync();
        }

        return _connecting.IsCompletedSuccessfully ? _connecting.Result : null;
    }

    /// <summary>Starts connecting and waits for the first attempt (bounded by the connect timeout), so that the first requests find Redis.</summary>
    public async Task StartAsync()
    {
        if (IsConfigured)
        {
            Connection();
            await (_connecting ?? Task.FromResult<ConnectionMultiplexer?>(null));
        }
    }

    /// <summary>Runs a command under the timeout; any failure opens the circuit and gives <paramref name="fallback"/>.</summary>
    public async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> command, T fallback)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Database() is not { } database)
        {
            return fallback;
        }

        try
        {
            return await command(database).WaitAsync(options.Cache.RedisTimeout, clock);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            Trip(e);
            return fallback;
        }
    }

    /// <summary>Keeps Redis out of the request path for the break duration.</summary>
    public void Trip(Exception reason)
    {
        Interlocked.Exchange(ref _openUntilTicks, (clock.GetUtcNow() + options.Cache.BreakDuration).UtcTicks);
        LogTripped(logger, options.Cache.BreakDuration.TotalSeconds, reason.Message);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.CloseAsync(allowCommandsToComplete: false);
            await _connection.DisposeAsync();
        }
    }

    private async Task<ConnectionMultiplexer?> ConnectAsync()
    {
        var config = RedisAddress.Parse(options.Redis!);
        config.AbortOnConnectFail = false;
        config.ConnectTimeout = 2_000;
        config.AsyncTimeout = config.SyncTimeout = (int)Math.Ceiling(options.Cache.RedisTimeout.TotalMilliseconds);
        config.BacklogPolicy = BacklogPolicy.FailFast;
        config.ReconnectRetryPolicy = new LinearRetry(500);
        config.ClientName = "flick-api";
        try
        {
            var connection = await ConnectionMultiplexer.ConnectAsync(config);
            connection.ConnectionRestored += (_, _) => Restored?.Invoke(this, EventArgs.Empty);
            connection.ConnectionFailed += (_, e) => LogLost(logger, e.FailureType.ToString());
            _connection = connection;
            return connection;
        }
        catch (Exception e) when (e is RedisException or ArgumentException)
        {
            LogUnusable(logger, e.Message);
            lock (_lock)
            {
                _connecting = null;   // try again at a later request
            }

            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis failed; answers come from the store for {Seconds} s: {Reason}")]
    private static partial void LogTripped(ILogger logger, double seconds, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis connection lost ({Failure}); reconnecting in the background")]
    private static partial void LogLost(ILogger logger, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis cannot be used: {Reason}")]
    private static partial void LogUnusable(ILogger logger, string reason);
}
