using System.Diagnostics;
using System.Net;
using Flick.Api.Notifications;
using Flick.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Flick.Api.Tests;

/// <summary>The answer cache against a real Redis server (scripts/redis.sh): hits, invalidation, stampedes, and Redis dying.</summary>
[Collection(RedisCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CacheTests : IDisposable
{
    private const string Window = "from=2026-01-05T10:00Z&to=2026-01-05T13:00Z";
    private readonly string _prefix = $"flicktest:{Guid.NewGuid():N}:";
    private readonly List<ApiFactory> _factories = [];

    [Fact]
    public async Task SecondRead_ShouldBeAHit_AndAnotherInstanceShouldReadItFromRedis()
    {
        var first = Factory();
        using var client = await first.ClientAsync("viewer");
        var path = $"/api/series/sim/rankings/channels/window?{Window}&limit=10";

        var miss = await client.GetStringAsync(path);
        var readsAfterMiss = first.Viewers.Reads;
        readsAfterMiss.ShouldBeGreaterThan(0);
        (await client.GetStringAsync(path)).ShouldBe(miss);
        first.Viewers.Reads.ShouldBe(readsAfterMiss);
        (await RedisKeysAsync()).ShouldContain(k => k.Contains(":answer:sim:", StringComparison.Ordinal));

        var second = Factory();
        using var other = await second.ClientAsync("viewer");
        (await other.GetStringAsync(path)).ShouldBe(miss);
        second.Viewers.Reads.ShouldBe(0);
    }

    [Fact]
    public async Task AfterSeriesReady_AnswersShouldComeFromTheNewData()
    {
        var api = Factory();
        using var client = await api.ClientAsync("viewer");
        var path = $"/api/series/sim/channels/1003?{Window}";
        var before = await Json.ReadAsync(await client.GetAsync(path));

        var rerun = new World(seed: 99, viewerScale: 3);
        WorldLoader.Load(rerun, api.Viewers, api.Rankings, api.Profiles, api.Runs);
        var stale = await Json.ReadAsync(await client.GetAsync(path));
        stale.GetProperty("window").GetProperty("viewerMinutes").GetInt64().ShouldBe(before.GetProperty("window").GetProperty("viewerMinutes").GetInt64());

        (await api.Services.GetRequiredService<INotificationSink>().PublishAsync(Envelopes.SeriesReady(), CancellationToken.None)).ShouldBeTrue();

        var fresh = await Json.ReadAsync(await client.GetAsync(path));
        fresh.GetProperty("window").GetProperty("viewerMinutes").GetInt64()
            .ShouldBe(rerun.Observations.Where(o => o.User == "1003").Sum(o => (long)o.Viewers));
    }

    [Fact]
    public async Task ConcurrentMisses_ShouldReadTheStoreOnce()
    {
        var api = Factory();
        api.Viewers.ReadDelay = TimeSpan.FromMilliseconds(300);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 16; i++)
        {
            clients.Add(await api.ClientAsync("viewer"));
        }

        var path = $"/api/series/sim/channels/1007/viewers?{Window}&step=5m";
        var bodies = await Task.WhenAll(clients.Select(c => c.GetStringAsync(path)));

        bodies.Distinct().Count().ShouldBe(1);
        api.Viewers.Reads.ShouldBe(1);
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task WhenRedisDiesAndComesBack_EveryAnswerShouldBeOk_AndTheCacheShouldReturn()
    {
        var api = Factory();
        using var client = await api.ClientAsync("viewer");
        var statuses = new List<HttpStatusCode>();
        async Task BurstAsync(int start)
        {
            for (var i = start; i < start + 15; i++)
            {
                using var response = await client.GetAsync($"/api/series/sim/rankings/games/window?{Window}&limit={(i % 20) + 1}");
                statuses.Add(response.StatusCode);
            }
        }

        await BurstAsync(0);
        await RunScriptAsync("redis-cli", $"-p {TestRedis.Port} shutdown nosave");
        await BurstAsync(15);
        (await client.GetStringAsync("/health/ready")).ShouldContain("degraded");
        await RunScriptAsync("bash", $"{RepositoryRoot.Path}/scripts/redis.sh start");
        await BurstAsync(30);

        var back = Stopwatch.StartNew();
        var cached = false;
        while (!cached && back.Elapsed < TimeSpan.FromSeconds(30))
        {
            using var response = await client.GetAsync($"/api/series/sim/rankings/games/window?{Window}&limit={100 + (int)back.Elapsed.TotalSeconds}");
            statuses.Add(response.StatusCode);
            cached = (await RedisKeysAsync()).Count > 0;
            await Task.Delay(200);
        }

        statuses.ShouldAllBe(s => s == HttpStatusCode.OK);
        cached.ShouldBeTrue("the cache did not come back after Redis restarted");
    }

    public void Dispose() => _factories.ForEach(f => f.Dispose());

    private ApiFactory Factory()
    {
        var factory = new ApiFactory(null, o =>
        {
            o.Redis = TestRedis.Address;
            o.Cache.KeyPrefix = _prefix;
            o.Cache.BreakDuration = TimeSpan.FromMilliseconds(500);
        });
        _factories.Add(factory);
        return factory;
    }

    private async Task<List<string>> RedisKeysAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestRedis.Address + ",allowAdmin=true,abortConnect=false");
        var server = redis.GetServers()[0];
        var keys = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: _prefix + "answer:*"))
        {
            keys.Add(key.ToString());
        }

        return keys;
    }

    private static async Task RunScriptAsync(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["FLICK_REDIS_PORT"] = TestRedis.Port;
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
    }
}
