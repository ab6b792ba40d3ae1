using System.Net;
using Flick.Local.Simulator;

namespace Flick.Local.Tests.Simulator;

public class HelixSimulatorRateLimitTests
{
    /// <summary>The scope's clock starts at 12:00:10, so the bucket refills at 12:01:00.</summary>
    private static readonly long NextMinute = new DateTimeOffset(2024, 5, 1, 12, 1, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    [Fact]
    public async Task GetStreams_ShouldSendRateLimitHeadersOnEveryResponse()
    {
        await using var scope = await SimulatorScope.StartAsync();

        var (ok, _) = await scope.GetAsync("helix/streams");
        var (bad, _) = await scope.GetAsync("helix/streams?first=0");

        SimulatorScope.Header(ok, "Ratelimit-Limit").ShouldBe("800");
        SimulatorScope.Header(ok, "Ratelimit-Remaining").ShouldBe("799");
        SimulatorScope.Header(ok, "Ratelimit-Reset").ShouldBe(NextMinute.ToString());
        SimulatorScope.Header(bad, "Ratelimit-Remaining").ShouldBe("798");
    }

    [Fact]
    public async Task GetStreams_WhenThe801stRequestComesInOneMinute_ShouldAnswer429UntilTheReset()
    {
        await using var scope = await SimulatorScope.StartAsync();
        for (var i = 1; i <= 800; i++)
        {
            var (response, _) = await scope.GetAsync("helix/streams?first=1");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"request {i}");
        }

        var (limited, body) = await scope.GetAsync("helix/streams?first=1");

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        SimulatorScope.ShouldBeHelixError(body, 429, "Too Many Requests");
        SimulatorScope.Header(limited, "Ratelimit-Remaining").ShouldBe("0");
        var reset = long.Parse(SimulatorScope.Header(limited, "Ratelimit-Reset"));
        reset.ShouldBeGreaterThan(scope.Time.GetUtcNow().ToUnixTimeSeconds());

        scope.Time.Advance(DateTimeOffset.FromUnixTimeSeconds(reset) - scope.Time.GetUtcNow());
        var (after, _) = await scope.GetAsync("helix/streams?first=1");

        after.StatusCode.ShouldBe(HttpStatusCode.OK);
        SimulatorScope.Header(after, "Ratelimit-Remaining").ShouldBe("799");
    }

    [Fact]
    public async Task GetStreams_WhenTheLimitIsSmall_ShouldCountDownToZero()
    {
        await using var scope = await SimulatorScope.StartAsync(new SimulatorOptions { Seed = 7, RateLimitPerMinute = 3 });

        var remaining = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var (response, _) = await scope.GetAsync("helix/streams?first=1");
            remaining.Add($"{(int)response.StatusCode}:{SimulatorScope.Header(response, "Ratelimit-Remaining")}");
        }

        remaining.ShouldBe(["200:2", "200:1", "200:0", "429:0"]);
    }
}
