using System.Globalization;
using System.Net;
using System.Text.Json;
using Flick.Local.Simulator;

namespace Flick.Local.Tests.Simulator;

public class HelixSimulatorTests
{
    private static readonly DateTimeOffset Pinned = DateTimeOffset.Parse(SimulatorScope.PinnedAt, CultureInfo.InvariantCulture);

    [Fact]
    public async Task StartAsync_ShouldListenOnLoopbackOnAnEphemeralPort()
    {
        await using var scope = await SimulatorScope.StartAsync();

        var baseUri = scope.Simulator.BaseUri!;
        baseUri.Host.ShouldBe("127.0.0.1");
        baseUri.Port.ShouldBeGreaterThan(0);
        baseUri.AbsolutePath.ShouldBe("/");
    }

    [Fact]
    public async Task StopAsync_ShouldCloseThePort()
    {
        await using var scope = await SimulatorScope.StartAsync();
        var baseUri = scope.Simulator.BaseUri!;

        await scope.Simulator.StopAsync(CancellationToken.None);

        using var fresh = new HttpClient();
        await Should.ThrowAsync<HttpRequestException>(() => fresh.GetAsync(new Uri(baseUri, "helix/streams")));
    }

    [Fact]
    public async Task GetStreams_ShouldReturnAHelixShapedPage()
    {
        await using var scope = await SimulatorScope.StartAsync();

        var (response, body) = await scope.GetAsync("helix/streams");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        root.EnumerateObject().Select(p => p.Name).ShouldBe(["data", "pagination"]);
        var data = root.GetProperty("data").EnumerateArray().ToList();
        data.Count.ShouldBe(20, "Helix's default page size");
        root.GetProperty("pagination").GetProperty("cursor").GetString().ShouldNotBeNullOrEmpty();
        foreach (var stream in data)
        {
            stream.EnumerateObject().Select(p => p.Name).ShouldBe(
            [
                "id", "user_id", "user_login", "user_name", "game_id", "game_name", "type", "title", "tags",
                "viewer_count", "started_at", "language", "thumbnail_url", "tag_ids", "is_mature",
            ]);
            stream.GetProperty("id").GetString()!.ShouldAllBe(c => char.IsAsciiDigit(c));
            stream.GetProperty("user_id").GetString()!.ShouldAllBe(c => char.IsAsciiDigit(c));
            stream.GetProperty("type").GetString().ShouldBe("live");
            stream.GetProperty("tags").ValueKind.ShouldBeOneOf(JsonValueKind.Array, JsonValueKind.Null);
            stream.GetProperty("viewer_count").TryGetInt32(out _).ShouldBeTrue();
            var startedAt = stream.GetProperty("started_at").GetString()!;
            startedAt.ShouldEndWith("Z");
            DateTimeOffset.ParseExact(startedAt, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture).ShouldBeLessThan(SimulatorScope.Start);
            stream.GetProperty("thumbnail_url").GetString()!.ShouldContain("{width}x{height}");
            stream.GetProperty("tag_ids").GetArrayLength().ShouldBe(0);
            stream.GetProperty("is_mature").ValueKind.ShouldBeOneOf(JsonValueKind.True, JsonValueKind.False);
            stream.GetProperty("game_id").ValueKind.ShouldBe(JsonValueKind.String);
        }
    }

    [Fact]
    public async Task GetStreams_WhenPagingAtAPinnedMinute_ShouldReturnEveryLiveChannelOnceInViewerOrder()
    {
        await using var scope = await SimulatorScope.StartAsync();

        var pages = await PageThroughAsync(scope, $"helix/streams?first=100&at={SimulatorScope.PinnedAt}");
        var streams = pages.SelectMany(p => p).ToList();

        var viewers = streams.Select(s => s.GetProperty("viewer_count").GetInt32()).ToList();
        for (var i = 1; i < viewers.Count; i++)
        {
            viewers[i].ShouldBeLessThanOrEqualTo(viewers[i - 1], $"position {i}, across page boundaries too");
        }

        var userIds = streams.Select(s => s.GetProperty("user_id").GetString()).ToList();
        userIds.Distinct().Count().ShouldBe(userIds.Count);
        userIds.ShouldBe(scope.Simulator.World.Snapshot(Pinned).Select(s => s.UserId));
        pages.Count.ShouldBe((int)Math.Ceiling(streams.Count / 100.0));
        pages.Take(pages.Count - 1).ShouldAllBe(p => p.Count == 100);
    }

    [Fact]
    public async Task GetStreams_WhenTheClockMovesBetweenPages_ShouldKeepTheCursorsMinute()
    {
        await using var scope = await SimulatorScope.StartAsync();
        var firstMinute = scope.Simulator.World.Snapshot(SimulatorScope.Start);
        var (_, first) = await scope.GetAsync("helix/streams?first=10");
        var cursor = JsonDocument.Parse(first).RootElement.GetProperty("pagination").GetProperty("cursor").GetString();

        scope.Time.Advance(TimeSpan.FromMinutes(5));
        var (_, second) = await scope.GetAsync($"helix/streams?first=10&after={cursor}");

        var ids = JsonDocument.Parse(second).RootElement.GetProperty("data").EnumerateArray().Select(s => s.GetProperty("user_id").GetString());
        ids.ShouldBe(firstMinute.Skip(10).Take(10).Select(s => s.UserId));
    }

    [Fact]
    public async Task GetStreams_WhenSameSeedAndMinute_ShouldAnswerTheSameBytes()
    {
        await using var one = await SimulatorScope.StartAsync();
        await using var two = await SimulatorScope.StartAsync();

        var (_, a) = await one.GetAsync($"helix/streams?first=100&at={SimulatorScope.PinnedAt}");
        var (_, b) = await two.GetAsync($"helix/streams?first=100&at={SimulatorScope.PinnedAt}");

        b.ShouldBe(a);
    }

    [Fact]
    public async Task GetStreams_WhenFilteredByLanguageAndGame_ShouldReturnOnlyMatchingStreams()
    {
        await using var scope = await SimulatorScope.StartAsync();
        var snapshot = scope.Simulator.World.Snapshot(Pinned);

        var japanese = (await PageThroughAsync(scope, $"helix/streams?first=100&language=ja&at={SimulatorScope.PinnedAt}")).SelectMany(p => p).ToList();
        var chatting = (await PageThroughAsync(scope, $"helix/streams?first=100&game_id=509658&game_id=743&at={SimulatorScope.PinnedAt}")).SelectMany(p => p).ToList();

        japanese.Count.ShouldBe(snapshot.Count(s => s.Language == "ja"));
        japanese.ShouldAllBe(s => s.GetProperty("language").GetString() == "ja");
        chatting.Count.ShouldBe(snapshot.Count(s => s.GameId == "509658" || s.GameId == "743"));
        chatting.ShouldAllBe(s => s.GetProperty("game_id").GetString() == "509658" || s.GetProperty("game_id").GetString() == "743");
    }

    [Theory]
    [InlineData("first=0")]
    [InlineData("first=101")]
    [InlineData("first=abc")]
    [InlineData("after=not-a-cursor")]
    [InlineData("after=djF8MTIzfDB8Ow")] // base64url of "v1|123|0|;": 123 is not a whole minute
    [InlineData("at=yesterday")]
    [InlineData("at=2024-05-01")]
    [InlineData("at=1999-12-31T23:59:00Z")]
    [InlineData("type=archive")]
    [InlineData("game_id=abc")]
    [InlineData("user_login=someone")]
    public async Task GetStreams_WhenAParameterIsInvalid_ShouldAnswer400WithAHelixError(string query)
    {
        await using var scope = await SimulatorScope.StartAsync();

        var (response, body) = await scope.GetAsync("helix/streams?" + query);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        SimulatorScope.ShouldBeHelixError(body, 400, "Bad Request");
    }

    [Fact]
    public async Task GetStreams_WhenTheCursorWasMadeForOtherFilters_ShouldAnswer400()
    {
        await using var scope = await SimulatorScope.StartAsync();
        var (_, first) = await scope.GetAsync("helix/streams?language=en");
        var cursor = JsonDocument.Parse(first).RootElement.GetProperty("pagination").GetProperty("cursor").GetString();

        var (response, body) = await scope.GetAsync($"helix/streams?language=de&after={cursor}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        SimulatorScope.ShouldBeHelixError(body, 400, "Bad Request");
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task GetStreams_WhenCredentialsAreMissing_ShouldAnswer401(bool clientId, bool bearer)
    {
        await using var scope = await SimulatorScope.StartAsync(withCredentials: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, "helix/streams");
        if (clientId)
        {
            request.Headers.Add("Client-Id", "test-client");
        }

        if (bearer)
        {
            request.Headers.Add("Authorization", "Bearer test-token");
        }

        var response = await scope.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        SimulatorScope.ShouldBeHelixError(await response.Content.ReadAsByteArrayAsync(), 401, "Unauthorized");
        SimulatorScope.Header(response, "Ratelimit-Limit").ShouldBe("800");
    }

    [Fact]
    public async Task GetStreams_WhenAuthIsNotRequired_ShouldAnswerWithoutCredentials()
    {
        await using var scope = await SimulatorScope.StartAsync(new SimulatorOptions { RequireAuth = false }, withCredentials: false);

        var (response, _) = await scope.GetAsync("helix/streams");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UnknownPath_ShouldAnswer404WithAHelixError()
    {
        await using var scope = await SimulatorScope.StartAsync();

        var (response, body) = await scope.GetAsync("helix/users");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        SimulatorScope.ShouldBeHelixError(body, 404, "Not Found");
    }

    [Fact]
    public async Task RequestCount_ShouldCountEveryHelixRequest()
    {
        await using var scope = await SimulatorScope.StartAsync();

        await scope.GetAsync("helix/streams");
        await scope.GetAsync("helix/streams?first=0");
        await scope.GetAsync("helix/streams");

        scope.Simulator.RequestCount.ShouldBe(3);
    }

    internal static async Task<List<List<JsonElement>>> PageThroughAsync(SimulatorScope scope, string firstPage)
    {
        var pages = new List<List<JsonElement>>();
        var uri = firstPage;
        while (true)
        {
            var (response, body) = await scope.GetAsync(uri);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var root = JsonDocument.Parse(body).RootElement;
            pages.Add(root.GetProperty("data").EnumerateArray().ToList());
            if (!root.GetProperty("pagination").TryGetProperty("cursor", out var cursor))
            {
                root.GetProperty("pagination").EnumerateObject().ShouldBeEmpty("the last page has \"pagination\":{}");
                return pages;
            }

            pages.Count.ShouldBeLessThan(1000, "paging must end");
            uri = firstPage + "&after=" + cursor.GetString();
        }
    }
}
