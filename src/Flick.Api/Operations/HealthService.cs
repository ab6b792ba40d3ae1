using Flick.Api.Caching;
using Flick.Api.Contracts;
using Flick.Core.Ports;

namespace Flick.Api.Operations;

/// <summary>
/// Readiness: the store must answer (else "unavailable", 503); Redis down only degrades the API,
/// since answers then come from the store.
/// </summary>
public sealed class HealthService(IRunStore runs, RedisConnection redis, TimeProvider clock)
{
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(2);

    public async Task<HealthReport> CheckAsync(CancellationToken ct)
    {
        ComponentHealth store;
        try
        {
            await runs.ListSeriesAsync(ct).WaitAsync(StoreTimeout, clock, ct);
            store = new ComponentHealth("up", null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            store = new ComponentHealth("down", e.GetType().Name + ": " + e.Message);
        }

        var redisState = redis.State;
        var redisHealth = new ComponentHealth(redisState, redisState == "down" ? "answers come from the store until Redis is back" : null);
        var status = store.Status != "up" ? "unavailable" : redisState == "down" ? "degraded" : "ready";
        return new HealthReport(status, store, redisHealth);
    }
}
