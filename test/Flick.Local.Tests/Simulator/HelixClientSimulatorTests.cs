using System.Globalization;
using System.Text;
using System.Text.Json;
using Flick.Core.Ports;
using Flick.Local.Simulator;
using Flick.Pipeline.Sources;
using Microsoft.Extensions.Options;

namespace Flick.Local.Tests.Simulator;

/// <summary>The puller's HTTP client against the simulator over real HTTP on loopback, both on one fake clock.</summary>
public class HelixClientSimulatorTests
{
    private static readonly SourceCredential Credentials = new("test-client", "test-token");
    private static readonly DateTimeOffset Pinned = DateTimeOffset.Parse(SimulatorScope.PinnedAt, CultureInfo.InvariantCulture);

    [Fact]
    public async Task GetStreamsPageAsync_WhenPagingThroughAPull_ShouldFetchEveryLiveChannelOnce()
    {
        await using var scope = await SimulatorScope.StartAsync();
        var client = Client(scope);
        var tracker = new HelixCursorTracker();
        var userIds = new List<string>();
        string? after = null;

        do
        {
            var page = await client.GetStreamsPageAsync(Request(scope) with { After = after }, CancellationToken.None);
            page.IsSuccess.ShouldBeTrue();
            using var document = JsonDocument.Parse(page.Body);
            userIds.AddRange(document.RootElement.GetProperty("data").EnumerateArray().Select(s => s.GetProperty("user_id").GetString()!));
            after = document.RootElement.GetProperty("pagination").TryGetProperty("cursor", out var cursor) ? cursor.GetString() : null;
        }
        while (after is not null && tracker.TryVisit(after));

        userIds.Count.ShouldBe(scope.Simulator.World.Snapshot(Pinned).Count);
        userIds.Distinct().Count().ShouldBe(userIds.Count);
    }

    [Fact]
    public async Task GetStreamsPageAsync_When429_ShouldWaitUntilTheResetAndSucceed()
    {
        await using var scope = await SimulatorScope.StartAsync();
        scope.Simulator.Faults.Enqueue(SimulatedFault.TooManyRequests(TimeSpan.FromSeconds(20)));

        var page = await Client(scope).GetStreamsPageAsync(Request(scope), CancellationToken.None);

        page.IsSuccess.ShouldBeTrue();
        page.StatusCode.ShouldBe(200);
        page.Attempts.ShouldBe(2);
        // The clock stood at 12:00:10 and the reset was announced for 12:00:30.
        scope.Time.Delays.ShouldBe([TimeSpan.FromSeconds(20)]);
    }

    [Fact]
    public async Task GetStreamsPageAsync_When500ThenSuccess_ShouldRetry()
    {
        await using var scope = await SimulatorScope.StartAsync();
        scope.Simulator.Faults.Enqueue(SimulatedFault.ServerError);

        var page = await Client(scope).GetStreamsPageAsync(Request(scope), CancellationToken.None);

        page.IsSuccess.ShouldBeTrue();
        page.Attempts.ShouldBe(2);
        scope.Simulator.RequestCount.ShouldBe(2);
    }

    [Fact]
    public async Task GetStreamsPageAsync_When500Forever_ShouldFailAfterMaxAttempts()
    {
        await using var scope = await SimulatorScope.StartAsync(new SimulatorOptions { Seed = 7, Error500Probability = 1 });

        var page = await Client(scope).GetStreamsPageAsync(Request(scope), CancellationToken.None);

        page.Failure!.Kind.ShouldBe(HelixFailureKind.ServerError);
        page.Failure.Message.ShouldContain("Simulated server error.");
        page.StatusCode.ShouldBe(500);
        page.Attempts.ShouldBe(4);
        scope.Simulator.RequestCount.ShouldBe(4);
    }

    [Fact]
    public async Task GetStreamsPageAsync_WhenTruncated_ShouldReturnTheBodyAsReceived()
    {
        await using var scope = await SimulatorScope.StartAsync();
        var client = Client(scope);
        var whole = await client.GetStreamsPageAsync(Request(scope), CancellationToken.None);
        scope.Simulator.Faults.Enqueue(SimulatedFault.Truncated);

        var truncated = await client.GetStreamsPageAsync(Request(scope), CancellationToken.None);

        truncated.IsSuccess.ShouldBeTrue("the client does not parse pages");
        truncated.Body.ShouldBe(whole.Body[..(whole.Body.Length / 2)]);
    }

    [Fact]
    public async Task GetStreamsPageAsync_WhenMalformed_ShouldReturnTheBodyAsReceived()
    {
        await using var scope = await SimulatorScope.StartAsync();
        scope.Simulator.Faults.Enqueue(SimulatedFault.Malformed);

        var page = await Client(scope).GetStreamsPageAsync(Request(scope), CancellationToken.None);

        page.IsSuccess.ShouldBeTrue();
        Encoding.UTF8.GetString(page.Body).ShouldStartWith("{\"data\"=[");
    }

    [Fact]
    public async Task GetStreamsPageAsync_WhenTheBodyIsOverTheCap_ShouldFailWithBodyTooLarge()
    {
        await using var scope = await SimulatorScope.StartAsync();
        scope.Simulator.Faults.Enqueue(SimulatedFault.HugeBody(3));

        var page = await Client(scope, new HelixClientOptions { MaxBodyBytes = 1024 * 1024 }).GetStreamsPageAsync(Request(scope), CancellationToken.None);

        page.Failure.ShouldBe(new HelixFailure(HelixFailureKind.BodyTooLarge, "page body exceeds 1048576 bytes"));
        page.Body.ShouldBeEmpty();
        page.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task GetStreamsPageAsync_WhenTheBucketIsEmpty_ShouldWaitForTheResetInsteadOfSpendingA429()
    {
        await using var scope = await SimulatorScope.StartAsync(new SimulatorOptions { Seed = 7, RateLimitPerMinute = 3 });
        var client = Client(scope);
        for (var i = 0; i < 3; i++)
        {
            (await client.GetStreamsPageAsync(Request(scope), CancellationToken.None)).IsSuccess.ShouldBeTrue();
        }

        var fourth = await client.GetStreamsPageAsync(Request(scope), CancellationToken.None);

        fourth.IsSuccess.ShouldBeTrue();
        fourth.Attempts.ShouldBe(1);
        scope.Simulator.RequestCount.ShouldBe(4);
        // 12:00:10 to the bucket's refill at 12:01:00.
        scope.Time.Delays.ShouldBe([TimeSpan.FromSeconds(50)]);
    }

    [Fact]
    public async Task GetStreamsPageAsync_WithoutCredentials_ShouldFailWithTheSimulatorsMessage()
    {
        await using var scope = await SimulatorScope.StartAsync();

        var page = await Client(scope).GetStreamsPageAsync(Request(scope) with { Credentials = null }, CancellationToken.None);

        page.Failure!.Kind.ShouldBe(HelixFailureKind.ClientError);
        page.Failure.Message.ShouldBe("HTTP 401: Client ID is missing.");
        page.Attempts.ShouldBe(1);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetStreamsPageAsync_ShouldTimeTravelOnlyWhenAllowed(bool allowed)
    {
        await using var scope = await SimulatorScope.StartAsync();
        var at = Pinned.AddHours(-6);

        var page = await Client(scope).GetStreamsPageAsync(Request(scope) with { At = at, AllowTimeTravel = allowed }, CancellationToken.None);

        var expectedMinute = allowed ? at : SimulatorScope.Start;
        var userIds = JsonDocument.Parse(page.Body).RootElement.GetProperty("data").EnumerateArray().Select(s => s.GetProperty("user_id").GetString());
        userIds.ShouldBe(scope.Simulator.World.Snapshot(expectedMinute).Take(100).Select(s => s.UserId));
        page.RequestUri.Query.Contains("at=", StringComparison.Ordinal).ShouldBe(allowed);
    }

    [Fact]
    public async Task GetStreamsPageAsync_WhenTheSimulatorIsSlowerThanTheTimeout_ShouldFailWithTimeout()
    {
        // Real time here: the timeout bounds real I/O. The simulator's delay is long, the client's timeout short.
        await using var simulator = new HelixSimulator(new SimulatorOptions { Seed = 7 });
        var baseUri = await simulator.StartAsync(CancellationToken.None);
        simulator.Faults.Enqueue(SimulatedFault.Slow(TimeSpan.FromMinutes(5)), count: 2);
        using var http = new HttpClient();
        var options = new HelixClientOptions { MaxAttempts = 2, RequestTimeout = TimeSpan.FromMilliseconds(300), BackoffBase = TimeSpan.FromMilliseconds(1) };
        var client = new HelixClient(http, Options.Create(options), TimeProvider.System);

        var page = await client.GetStreamsPageAsync(new HelixPageRequest { BaseUri = baseUri, Credentials = Credentials }, CancellationToken.None);

        page.Failure!.Kind.ShouldBe(HelixFailureKind.Timeout);
        page.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task CursorTracker_WhenTheSimulatorLoops_ShouldSpotTheRepeatedCursor()
    {
        await using var scope = await SimulatorScope.StartAsync();
        var client = Client(scope);
        var tracker = new HelixCursorTracker();
        var first = await client.GetStreamsPageAsync(Request(scope), CancellationToken.None);
        var cursor = CursorOf(first)!;
        tracker.TryVisit(cursor).ShouldBeTrue();
        scope.Simulator.Faults.Enqueue(SimulatedFault.CursorLoop);

        var second = await client.GetStreamsPageAsync(Request(scope) with { After = cursor }, CancellationToken.None);

        tracker.TryVisit(CursorOf(second)!).ShouldBeFalse();
    }

    private static string? CursorOf(HelixPageResponse page) =>
        JsonDocument.Parse(page.Body).RootElement.GetProperty("pagination").GetProperty("cursor").GetString();

    private static HelixClient Client(SimulatorScope scope, HelixClientOptions? options = null) =>
        new(scope.BareHttp, Options.Create(options ?? new HelixClientOptions()), scope.Time);

    private static HelixPageRequest Request(SimulatorScope scope) => new()
    {
        BaseUri = scope.Simulator.BaseUri!,
        At = Pinned,
        AllowTimeTravel = true,
        Credentials = Credentials,
    };
}
