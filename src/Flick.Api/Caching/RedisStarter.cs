namespace Flick.Api.Caching;

/// <summary>Connects to Redis while the host starts, rather than at the first request.</summary>
internal sealed class RedisStarter(RedisConnection redis) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => redis.StartAsync();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
