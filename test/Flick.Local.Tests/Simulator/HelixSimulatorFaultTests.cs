using System.Net;
using System.Text;
using System.Text.Json;
using Flick.Local.Simulator;

namespace Flick.Local.Tests.Simulator;

public class HelixSimulatorFaultTests
{
    private const string PinnedPage = "helix/streams?first=50&at=" + SimulatorScope.PinnedAt;

    [Fact]
    public async Task ServerError_ShouldAnswer500ForOneRequestOnly()
    {
        await using var scope = await SimulatorScope.StartAsync();
        scope.Simulator.Faults.Enqueue(SimulatedFault.ServerError);

        var (failed, body) = await scope.GetAsync(PinnedPage);
        var (next, _) = await scope.GetAsync(PinnedPage);

        failed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        SimulatorScope.ShouldBeHelixError(body, 500, "Internal Server Error");
        SimulatorScope.Header(failed, "Ratelimit-Limit").ShouldBe("800");
        next.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TooManyRequests_ShouldEmptyTheBucketUntilItsReset()
    {
        await using var scope = await SimulatorScope.StartAsync();
        scope.Simulator.Faults.Enqueue(SimulatedFault.TooManyRequests(TimeSpan.FromSeconds(30)));

        var (limited, body) = await scope.GetAsync(PinnedPage);
        var (stillLimited, _) = await scope.GetAsync(PinnedPage);
        scope.Time.Advance(TimeSpan.FromSeconds(30));
        var (after, _) = await scope.GetAsync(PinnedPage);

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        SimulatorScope.ShouldBeHelixError(body, 429, "Too Many Requests");
        SimulatorScope.Header(limited, "Ratelimit-Remaining").ShouldBe("0");
        // 12:00:10 + 30 s.
        SimulatorScope.Header(limited, "Ratelimit-Reset").ShouldBe(new DateTimeOffset(2024, 5, 1, 12, 0, 40, TimeSpan.Zero).ToUnixTimeSeconds().ToString());
        stillLimited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Truncated_ShouldAnswerTheFirstHalfOfTheValidPage()
    {
        await using var scope = await SimulatorScope.StartAsync();
        var (_, whole) = await scope.GetAsync(PinnedPage);
        scope.Simulator.Faults.Enqueue(SimulatedFault.Truncated);

        var (response, body) = await scope.GetAsync(PinnedPage);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.ShouldBe(whole[..(whole.Length / 2)]);
        Should.Throw<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task Malformed_ShouldAnswerACompleteBodyThatIsNotJson()
    {
        await using var scope = await SimulatorScope.StartAsync();
        scope.Simulator.Faults.Enqueue(SimulatedFault.Malformed);

        var (response, body) = await scope.GetAsync(PinnedPage);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.Length.ShouldBeGreaterThan(1000);
        Should.Throw<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task Slow_ShouldDelayThePageOnTheSimulatorsClock()
    {
        await using var scope = await SimulatorScope.StartAsync();
        scope.Simulator.Faults.Enqueue(SimulatedFault.Slow(TimeSpan.FromSeconds(42)));

        var (response, _) = await scope.GetAsync(PinnedPage);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        scope.Time.Delays.ShouldBe([TimeSpan.FromSeconds(42)]);
    }

    [Fact]
    public async Task CursorLoop_ShouldHandBackTheRequestsCursor()
    {
        await using var scope = await SimulatorScope.StartAsync();
        var (_, first) = await scope.GetAsync(PinnedPage);
        var cursor = Cursor(first);
        scope.Simulator.Faults.Enqueue(SimulatedFault.CursorLoop);

        var (_, looped) = await scope.GetAsync($"{PinnedPage}&after={cursor}");

        Cursor(looped).ShouldBe(cursor);
    }

    [Fact]
    public async Task CursorLoop_OnAFirstPage_ShouldPointBackToTheFirstPage()
    {
        await using var scope = await SimulatorScope.StartAsync();
        scope.Simulator.Faults.Enqueue(SimulatedFault.CursorLoop);
        var (_, first) = await scope.GetAsync(PinnedPage);

        var (_, again) = await scope.GetAsync($"{PinnedPage}&after={Cursor(first)}");

        UserIds(again).ShouldBe(UserIds(first));
    }

    [Fact]
    public async Task HugeBody_ShouldAnswerAWellFormedPageOfThatSize()
    {
        await using var scope = await SimulatorScope.StartAsync();
        scope.Simulator.Faults.Enqueue(SimulatedFault.HugeBody(3));

        var (response, body) = await scope.GetAsync(PinnedPage);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.Length.ShouldBeGreaterThan(3 * 1024 * 1024);
        using var document = JsonDocument.Parse(body);
        document.RootElement.GetProperty("data")[0].GetProperty("title").GetString()!.Length.ShouldBeGreaterThan(3 * 1024 * 1024);
        document.RootElement.GetProperty("data").GetArrayLength().ShouldBe(50);
    }

    [Fact]
    public async Task EmptyData_ShouldAnswerNoStreamsAndNoCursor()
    {
        await using var scope = await SimulatorScope.StartAsync();
        scope.Simulator.Faults.Enqueue(SimulatedFault.EmptyData);

        var (_, body) = await scope.GetAsync(PinnedPage);

        Encoding.UTF8.GetString(body).ShouldBe("""{"data":[],"pagination":{}}""");
    }

    [Fact]
    public async Task Faults_ShouldApplyInTheOrderScripted()
    {
        await using var scope = await SimulatorScope.StartAsync();
        scope.Simulator.Faults.Enqueue(SimulatedFault.ServerError, count: 2);
        scope.Simulator.Faults.Enqueue(SimulatedFault.EmptyData);

        var statuses = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var (response, body) = await scope.GetAsync(PinnedPage);
            statuses.Add($"{(int)response.StatusCode}:{(body.Length < 40 ? "empty" : "page")}");
        }

        statuses.ShouldBe(["500:page", "500:page", "200:empty", "200:page"]);
    }

    [Fact]
    public async Task PostFaults_ShouldScriptFaultsOverHttp()
    {
        await using var scope = await SimulatorScope.StartAsync();

        var posted = await scope.Http.PostAsync("sim/faults", Json("""{"fault":"server-error","count":2}"""));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await scope.GetAsync(PinnedPage)).Response.StatusCode);
        }

        posted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        statuses.ShouldBe([HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.OK]);
    }

    [Fact]
    public async Task PostFaults_WithParameters_ShouldScriptTheirSizes()
    {
        await using var scope = await SimulatorScope.StartAsync();

        await scope.Http.PostAsync("sim/faults", Json("""{"fault":"too-many-requests","seconds":20}"""));
        var (limited, _) = await scope.GetAsync(PinnedPage);

        SimulatorScope.Header(limited, "Ratelimit-Reset").ShouldBe(new DateTimeOffset(2024, 5, 1, 12, 0, 30, TimeSpan.Zero).ToUnixTimeSeconds().ToString());
    }

    [Theory]
    [InlineData("""{"fault":"gremlins"}""")]
    [InlineData("""{"count":2}""")]
    [InlineData("""{"fault":"server-error","count":0}""")]
    [InlineData("not json")]
    public async Task PostFaults_WhenTheBodyIsInvalid_ShouldAnswer400AndScriptNothing(string json)
    {
        await using var scope = await SimulatorScope.StartAsync();

        var response = await scope.Http.PostAsync("sim/faults", Json(json));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        scope.Simulator.Faults.Count.ShouldBe(0);
    }

    [Fact]
    public async Task DeleteFaults_ShouldClearTheScript()
    {
        await using var scope = await SimulatorScope.StartAsync();
        scope.Simulator.Faults.Enqueue(SimulatedFault.ServerError, count: 3);

        var response = await scope.Http.DeleteAsync("sim/faults");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await scope.GetAsync(PinnedPage)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RandomFaults_ShouldFollowTheirProbabilityAndSeed()
    {
        var options = new SimulatorOptions { Seed = 3, Error500Probability = 0.5, RateLimitPerMinute = 10_000 };
        await using var one = await SimulatorScope.StartAsync(options);
        await using var two = await SimulatorScope.StartAsync(options);

        var first = new List<HttpStatusCode>();
        var second = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            first.Add((await one.GetAsync("helix/streams?first=1")).Response.StatusCode);
            second.Add((await two.GetAsync("helix/streams?first=1")).Response.StatusCode);
        }

        second.ShouldBe(first);
        // 40 fair coins: each outcome at least 5 times, except with odds below one in a million.
        first.Count(s => s == HttpStatusCode.InternalServerError).ShouldBeInRange(5, 35);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string? Cursor(byte[] page) =>
        JsonDocument.Parse(page).RootElement.GetProperty("pagination").GetProperty("cursor").GetString();

    private static List<string?> UserIds(byte[] page) =>
        JsonDocument.Parse(page).RootElement.GetProperty("data").EnumerateArray().Select(s => s.GetProperty("user_id").GetString()).ToList();
}
