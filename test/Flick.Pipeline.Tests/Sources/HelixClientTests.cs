using Flick.Testing;
using System.Text;
using Flick.Core.Ports;
using Flick.Pipeline.Sources;
using Microsoft.Extensions.Options;

namespace Flick.Pipeline.Tests.Sources;

public sealed class HelixClientTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 10, TimeSpan.Zero);
    private static readonly HelixPageRequest Request = new() { BaseUri = new Uri("http://helix.test/") };

    private readonly AutoAdvancingTimeProvider _time = new(Now);
    private readonly ScriptedHandler _handler;

    public HelixClientTests() => _handler = new ScriptedHandler(_time);

    public void Dispose() => _handler.Dispose();

    [Fact]
    public async Task GetStreamsPageAsync_WhenOk_ShouldReturnTheBodyBytesAndHeadersUntouched()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"data\":[ ],\"pagination\":{}}"), 0xFF];
        _handler.Respond(200, body, remaining: 799, reset: Now.AddSeconds(50));

        var page = await Client().GetStreamsPageAsync(Request, CancellationToken.None);

        page.IsSuccess.ShouldBeTrue();
        page.StatusCode.ShouldBe(200);
        page.Body.ShouldBe(body);
        page.RateLimit.ShouldBe(new HelixRateLimit(800, 799, new DateTimeOffset(2024, 5, 1, 12, 1, 0, TimeSpan.Zero)));
        page.Attempts.ShouldBe(1);
        page.RequestUri.ShouldBe(new Uri("http://helix.test/helix/streams?first=100&type=live"));
        _time.Delays.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetStreamsPageAsync_WhenHeadersAreMissing_ShouldLeaveTheRateLimitUnknown()
    {
        _handler.Respond(() => new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("{}") });

        var page = await Client().GetStreamsPageAsync(Request, CancellationToken.None);

        page.RateLimit.ShouldBe(HelixRateLimit.None);
    }

    [Fact]
    public async Task GetStreamsPageAsync_ShouldBuildTheHelixQuery()
    {
        _handler.Respond(200);
        var request = Request with
        {
            BaseUri = new Uri("http://helix.test/api"),
            First = 50,
            After = "abc+/=",
            Languages = ["en", "de"],
            GameIds = ["509658"],
        };

        await Client().GetStreamsPageAsync(request, CancellationToken.None);

        _handler.Requests.Single().Uri.AbsoluteUri.ShouldBe(
            "http://helix.test/api/helix/streams?first=50&language=en&language=de&game_id=509658&type=live&after=abc%2B%2F%3D");
    }

    [Theory]
    [InlineData(true, "http://helix.test/helix/streams?first=100&type=live&at=2024-05-01T06%3A07%3A00Z")]
    [InlineData(false, "http://helix.test/helix/streams?first=100&type=live")]
    public async Task GetStreamsPageAsync_ShouldSendAtOnlyWhenTimeTravelIsAllowed(bool allowed, string expected)
    {
        _handler.Respond(200);

        // 08:07 at +02:00 is 06:07 UTC.
        var at = new DateTimeOffset(2024, 5, 1, 8, 7, 0, TimeSpan.FromHours(2));
        await Client().GetStreamsPageAsync(Request with { At = at, AllowTimeTravel = allowed }, CancellationToken.None);

        _handler.Requests.Single().Uri.AbsoluteUri.ShouldBe(expected);
    }

    [Fact]
    public async Task GetStreamsPageAsync_WithCredentials_ShouldSendClientIdAndBearerToken()
    {
        _handler.Respond(200);

        await Client().GetStreamsPageAsync(Request with { Credentials = new SourceCredential("my-client", "my-token") }, CancellationToken.None);

        var headers = _handler.Requests.Single().Headers;
        headers["Client-Id"].ShouldBe("my-client");
        headers["Authorization"].ShouldBe("Bearer my-token");
    }

    [Fact]
    public async Task GetStreamsPageAsync_WithoutCredentials_ShouldSendNeitherHeader()
    {
        _handler.Respond(200);

        await Client().GetStreamsPageAsync(Request, CancellationToken.None);

        _handler.Requests.Single().Headers.Keys.ShouldNotContain("Client-Id");
        _handler.Requests.Single().Headers.Keys.ShouldNotContain("Authorization");
    }

    [Fact]
    public async Task GetStreamsPageAsync_When500ThenOk_ShouldRetryAfterAJitteredBackoff()
    {
        _handler.Respond(500, "{\"error\":\"Internal Server Error\",\"status\":500,\"message\":\"oops\"}").Respond(500).Respond(200);

        var page = await Client().GetStreamsPageAsync(Request, CancellationToken.None);

        page.IsSuccess.ShouldBeTrue();
        page.Attempts.ShouldBe(3);
        // Base 500 ms, doubling, each delay between half and all of its step.
        _time.Delays.Count.ShouldBe(2);
        _time.Delays[0].ShouldBeInRange(TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500));
        _time.Delays[1].ShouldBeInRange(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1000));
    }

    [Fact]
    public async Task GetStreamsPageAsync_When500Forever_ShouldFailAfterMaxAttempts()
    {
        for (var i = 0; i < 4; i++)
        {
            _handler.Respond(503, "{\"error\":\"Service Unavailable\",\"status\":503,\"message\":\"try later\"}");
        }

        var page = await Client().GetStreamsPageAsync(Request, CancellationToken.None);

        page.Failure.ShouldBe(new HelixFailure(HelixFailureKind.ServerError, "HTTP 503 on all 4 attempts: try later"));
        page.StatusCode.ShouldBe(503);
        page.Attempts.ShouldBe(4);
        _handler.Requests.Count.ShouldBe(4);
        _time.Delays.Count.ShouldBe(3);
    }

    [Fact]
    public async Task GetStreamsPageAsync_WhenTheBackoffWouldPassItsMax_ShouldCapIt()
    {
        for (var i = 0; i < 5; i++)
        {
            _handler.Respond(500);
        }

        var options = new HelixClientOptions { MaxAttempts = 5, BackoffBase = TimeSpan.FromSeconds(1), BackoffMax = TimeSpan.FromSeconds(3) };
        await Client(options).GetStreamsPageAsync(Request, CancellationToken.None);

        // Steps 1, 2, 4→3, 8→3 seconds.
        _time.Delays[3].ShouldBeInRange(TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task GetStreamsPageAsync_WhenTheTransportFailsOnce_ShouldRetry()
    {
        _handler.Throw(new HttpRequestException("connection refused")).Respond(200);

        var page = await Client().GetStreamsPageAsync(Request, CancellationToken.None);

        page.IsSuccess.ShouldBeTrue();
        page.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task GetStreamsPageAsync_WhenTheTransportAlwaysFails_ShouldFailWithTransport()
    {
        _handler.Throw(new HttpRequestException("connection refused")).Throw(new IOException("reset by peer"));

        var page = await Client(new HelixClientOptions { MaxAttempts = 2 }).GetStreamsPageAsync(Request, CancellationToken.None);

        page.Failure.ShouldBe(new HelixFailure(HelixFailureKind.Transport, "reset by peer (after 2 attempts)"));
        page.StatusCode.ShouldBe(0);
    }

    [Fact]
    public async Task GetStreamsPageAsync_WhenNoResponseComesInTime_ShouldFailWithTimeout()
    {
        _handler.Hang().Hang();
        var options = new HelixClientOptions { MaxAttempts = 2, RequestTimeout = TimeSpan.FromMilliseconds(100) };

        var page = await Client(options).GetStreamsPageAsync(Request, CancellationToken.None);

        page.Failure!.Kind.ShouldBe(HelixFailureKind.Timeout);
        page.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task GetStreamsPageAsync_WhenTheCallerCancels_ShouldThrow()
    {
        _handler.Hang();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Should.ThrowAsync<OperationCanceledException>(() => Client().GetStreamsPageAsync(Request, cancellation.Token));
    }

    [Theory]
    [InlineData(400, "{\"error\":\"Bad Request\",\"status\":400,\"message\":\"Invalid cursor\"}", "HTTP 400: Invalid cursor")]
    [InlineData(401, "{\"error\":\"Unauthorized\",\"status\":401,\"message\":\"Invalid OAuth token\"}", "HTTP 401: Invalid OAuth token")]
    [InlineData(404, "<html>not here</html>", "HTTP 404: <html>not here</html>")]
    [InlineData(403, "", "HTTP 403: (empty body)")]
    public async Task GetStreamsPageAsync_WhenA4xxCannotBeRetried_ShouldFailWithTheBodysMessage(int status, string body, string message)
    {
        _handler.Respond(status, body);

        var page = await Client().GetStreamsPageAsync(Request, CancellationToken.None);

        page.Failure.ShouldBe(new HelixFailure(HelixFailureKind.ClientError, message));
        page.Body.ShouldBe(Encoding.UTF8.GetBytes(body));
        page.Attempts.ShouldBe(1);
        _time.Delays.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetStreamsPageAsync_WhenTheBodyIsOverTheCap_ShouldFailWithBodyTooLarge()
    {
        _handler.Respond(200, new byte[1001]);

        var page = await Client(new HelixClientOptions { MaxBodyBytes = 1000 }).GetStreamsPageAsync(Request, CancellationToken.None);

        page.Failure.ShouldBe(new HelixFailure(HelixFailureKind.BodyTooLarge, "page body exceeds 1000 bytes"));
        page.Body.ShouldBeEmpty();
        page.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task GetStreamsPageAsync_WhenAnUnsizedBodyGrowsOverTheCap_ShouldFailWithBodyTooLarge()
    {
        _handler.Respond(() => new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StreamContent(new UnsizedStream(5000)) });

        var page = await Client(new HelixClientOptions { MaxBodyBytes = 1000 }).GetStreamsPageAsync(Request, CancellationToken.None);

        page.Failure!.Kind.ShouldBe(HelixFailureKind.BodyTooLarge);
    }

    [Fact]
    public async Task GetStreamsPageAsync_WhenTheBodyIsExactlyTheCap_ShouldSucceed()
    {
        _handler.Respond(() => new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StreamContent(new UnsizedStream(1000)) });

        var page = await Client(new HelixClientOptions { MaxBodyBytes = 1000 }).GetStreamsPageAsync(Request, CancellationToken.None);

        page.IsSuccess.ShouldBeTrue();
        page.Body.Length.ShouldBe(1000);
    }

    [Fact]
    public void Constructor_WhenTheOptionsAreInvalid_ShouldThrow()
    {
        var options = new HelixClientOptions { MaxAttempts = 0 };

        Should.Throw<OptionsValidationException>(() => Client(options)).Message.ShouldContain("MaxAttempts");
    }

    private HelixClient Client(HelixClientOptions? options = null) =>
        new(new HttpClient(_handler, disposeHandler: false), Options.Create(options ?? new HelixClientOptions()), _time);

    /// <summary>A body without Content-Length, as a chunked response has.</summary>
    private sealed class UnsizedStream(int length) : MemoryStream(new byte[length])
    {
        public override bool CanSeek => false;
    }
}
