using System.Net;
using Flick.Api.Tests.Support;
using StackExchange.Redis;

namespace Flick.Api.Tests;

/// <summary>The cache switched off (Flick:Api:Cache:Enabled=false) with Redis configured: every answer from the store, no cache touched.</summary>
[Collection(RedisCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CacheOffTests : IDisposable
{
    private const string Window = "from=2026-01-05T10:00Z&to=2026-01-05T13:00Z";
    private readonly string _prefix = $"flicktest:{Guid.NewGuid():N}:";
    private readonly ApiFactory _api;

    public CacheOffTests() =>
        _api = new ApiFactory(null, o =>
        {
            o.Redis = TestRedis.Address;
            o.Cache.KeyPrefix = _prefix;
            o.Cache.Enabled = false;
        });

    [Fact]
    public async Task EveryRead_ShouldComeFromTheStore_AndFollowItsDataAtOnce_WithNothingWrittenToRedis()
    {
        using var client = await _api.ClientAsync("viewer");
        var path = $"/api/series/sim/channels/1003?{Window}";

        var first = await Json.ReadAsync(await client.GetAsync(path));
        first.GetProperty("window").GetProperty("viewerMinutes").GetInt64()
            .ShouldBe(_api.World.Observations.Where(o => o.User == "1003").Sum(o => (long)o.Viewers));
        var reads = _api.Viewers.Reads;
        await client.GetStringAsync(path);
        _api.Viewers.Reads.ShouldBe(reads + 1);

        // New data and no SeriesReady: with no cache, the next answer is the store's new one.
        var rerun = new World(seed: 99, viewerScale: 3);
        WorldLoader.Load(rerun, _api.Viewers, _api.Rankings, _api.Profiles, _api.Runs);
        var fresh = await Json.ReadAsync(await client.GetAsync(path));
        fresh.GetProperty("window").GetProperty("viewerMinutes").GetInt64()
            .ShouldBe(rerun.Observations.Where(o => o.User == "1003").Sum(o => (long)o.Viewers));

        (await RedisKeysAsync()).ShouldBeEmpty();
        var ready = await Json.ReadAsync(await client.GetAsync("/health/ready"));
        ready.GetProperty("status").GetString().ShouldBe("ready");
        ready.GetProperty("redis").GetProperty("status").GetString().ShouldBe("disabled");
    }

    [Fact]
    public async Task ConcurrentReads_ShouldEachReadTheStore_AndAllSucceed()
    {
        _api.Viewers.ReadDelay = TimeSpan.FromMilliseconds(50);
        using var client = await _api.ClientAsync("viewer");
        var path = $"/api/series/sim/channels/1007/viewers?{Window}&step=5m";

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetAsync(path)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        (await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()))).Distinct().Count().ShouldBe(1);
        _api.Viewers.Reads.ShouldBe(8);
        (await RedisKeysAsync()).ShouldBeEmpty();
    }

    public void Dispose() => _api.Dispose();

    private async Task<List<string>> RedisKeysAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestRedis.Address + ",allowAdmin=true,abortConnect=false");
        var keys = new List<string>();
        await foreach (var key in redis.GetServers()[0].KeysAsync(pattern: _prefix + "*"))
        {
            keys.Add(key.ToString());
        }

        return keys;
    }
}
