using Flick.Testing;
using Flick.Core.Ports;
using Flick.Pipeline.Sources;
using Microsoft.Extensions.Options;

namespace Flick.Pipeline.Tests.Sources;

public sealed class HelixClientRateLimitTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 10, TimeSpan.Zero);
    private static readonly HelixPageRequest Request = new()
    {
        BaseUri = new Uri("http://helix.test/"),
        Credentials = new SourceCredential("client", "token"),
    };

    private readonly AutoAdvancingTimeProvider _time = new(Now);
    private readonly ScriptedHandler _handler;

    public HelixClientRateLimitTests() => _handler = new ScriptedHandler(_time);

    public void Dispose() => _handler.Dispose();

    [Fact]
    public async Task GetStreamsPageAsync_When429ThenOk_ShouldWaitUntilTheResetAndRetry()
    {
        _handler.Respond(429, "{\"error\":\"Too Many Requests\",\"status\":429,\"message\":\"slow down\"}", remaining: 0, reset: Now.AddSeconds(12))
            .Respond(200, remaining: 799, reset: Now.AddSeconds(72));

        var page = await Client().GetStreamsPageAsync(Request, CancellationToken.None);

        page.IsSuccess.ShouldBeTrue();
        page.Attempts.ShouldBe(2);
        _time.Delays.ShouldBe([TimeSpan.FromSeconds(12)]);
        _handler.Requests[1].SentAt.ShouldBe(Now.AddSeconds(12));
    }

    [Fact]
    public async Task GetStreamsPageAsync_When429WithoutAReset_ShouldBackOff()
    {
        _handler.Respond(429).Respond(200);

        var page = await Client().GetStreamsPageAsync(Request, CancellationToken.None);

        page.IsSuccess.ShouldBeTrue();
        _time.Delays.Single().ShouldBeInRange(TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task GetStreamsPageAsync_When429ResetsBeyondTheLongestWait_ShouldFailWithoutWaiting()
    {
        _handler.Respond(429, remaining: 0, reset: Now.AddMinutes(10));

        var page = await Client().GetStreamsPageAsync(Request, CancellationToken.None);

        page.Failure!.Kind.ShouldBe(HelixFailureKind.RateLimited);
        page.Failure.Message.ShouldBe("HTTP 429: rate limit resets in 600 s, beyond the longest wait of 65 s");
        page.StatusCode.ShouldBe(429);
        _time.Delays.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetStreamsPageAsync_When429Forever_ShouldFailWithRateLimited()
    {
        for (var i = 0; i < 4; i++)
        {
            _handler.Respond(429, "{\"message\":\"slow down\"}", remaining: 0, reset: Now.AddSeconds(1 + i));
        }

        var page = await Client().GetStreamsPageAsync(Request, CancellationToken.None);

        page.Failure.ShouldBe(new HelixFailure(HelixFailureKind.RateLimited, "HTTP 429 on all 4 attempts: slow down"));
    }

    [Fact]
    public async Task GetStreamsPageAsync_WhenThePreviousResponseLeftNoPoints_ShouldWaitUntilTheResetBeforeSending()
    {
        _handler.Respond(200, remaining: 0, reset: Now.AddSeconds(42)).Respond(200, remaining: 799, reset: Now.AddSeconds(102));
        var client = Client();

        await client.GetStreamsPageAsync(Request, CancellationToken.None);
        var second = await client.GetStreamsPageAsync(Request, CancellationToken.None);

        second.IsSuccess.ShouldBeTrue();
        second.Attempts.ShouldBe(1);
        _time.Delays.ShouldBe([TimeSpan.FromSeconds(42)]);
        _handler.Requests[1].SentAt.ShouldBe(Now.AddSeconds(42));
    }

    [Fact]
    public async Task GetStreamsPageAsync_WhenPointsRemain_ShouldNotWait()
    {
        _handler.Respond(200, remaining: 1, reset: Now.AddSeconds(42)).Respond(200, remaining: 0, reset: Now.AddSeconds(42));
        var client = Client();

        await client.GetStreamsPageAsync(Request, CancellationToken.None);
        await client.GetStreamsPageAsync(Request, CancellationToken.None);

        _time.Delays.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetStreamsPageAsync_WhenTheEmptyBucketResetsBeyondTheLongestWait_ShouldFailWithoutSending()
    {
        _handler.Respond(200, remaining: 0, reset: Now.AddMinutes(5));
        var client = Client();
        await client.GetStreamsPageAsync(Request, CancellationToken.None);

        var second = await client.GetStreamsPageAsync(Request, CancellationToken.None);

        second.Failure!.Kind.ShouldBe(HelixFailureKind.RateLimited);
        second.Attempts.ShouldBe(0);
        _handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetStreamsPageAsync_WhenClientsShareAGate_ShouldWaitForEachOthersEmptyBucket()
    {
        _handler.Respond(200, remaining: 0, reset: Now.AddSeconds(30)).Respond(200, remaining: 799, reset: Now.AddSeconds(90));
        var gate = new HelixRateLimitGate();

        await Client(gate).GetStreamsPageAsync(Request, CancellationToken.None);
        await Client(gate).GetStreamsPageAsync(Request, CancellationToken.None);

        _time.Delays.ShouldBe([TimeSpan.FromSeconds(30)]);
    }

    [Fact]
    public async Task GetStreamsPageAsync_WhenAnotherClientIdHasAnEmptyBucket_ShouldNotWait()
    {
        _handler.Respond(200, remaining: 0, reset: Now.AddSeconds(30)).Respond(200);
        var client = Client();

        await client.GetStreamsPageAsync(Request, CancellationToken.None);
        await client.GetStreamsPageAsync(Request with { Credentials = new SourceCredential("other", "token") }, CancellationToken.None);

        _time.Delays.ShouldBeEmpty();
    }

    private HelixClient Client(HelixRateLimitGate? gate = null) =>
        new(new HttpClient(_handler, disposeHandler: false), Options.Create(new HelixClientOptions()), _time, gate);
}
