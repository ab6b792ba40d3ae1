using System.Net;
using Flick.Api.Tests.Support;

namespace Flick.Api.Tests;

/// <summary>Channel answers against a plain LINQ re-statement of DESIGN §3 over the generated world.</summary>
public sealed class ChannelsApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly DateTimeOffset From = World.Start.AddMinutes(20);
    private static readonly DateTimeOffset To = World.Start.AddMinutes(140);

    [Fact]
    public async Task Search_WhenTextMatchesLogins_ShouldListThemByPeak()
    {
        using var client = await api.ClientAsync("viewer");
        var body = await Json.ReadAsync(await client.GetAsync("/api/series/sim/channels?q=CHAN1&limit=5"));

        var expected = api.World.Observations.GroupBy(o => o.User)
            .Select(g => (User: g.Key, Login: g.Last().Login, Peak: g.Max(o => o.Viewers)))
            .Where(x => x.Login.Contains("chan1", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(x => x.Peak).ThenBy(x => x.User, StringComparer.Ordinal).Take(5).Select(x => x.User).ToList();
        body.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("userId").GetString()).ShouldBe(expected);
    }

    [Fact]
    public async Task Detail_WhenWindowGiven_ShouldGiveProfileAndWindowFigures()
    {
        using var client = await api.ClientAsync("viewer");
        var response = await client.GetAsync($"/api/series/sim/channels/1003?from={World.Minute(From)}&to={World.Minute(To)}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await Json.ReadAsync(response);

        var rows = api.World.Observations.Where(o => o.User == "1003").ToList();
        var inWindow = rows.Where(o => o.Slot >= From && o.Slot < To).ToList();
        var profile = body.GetProperty("profile");
        profile.GetProperty("login").GetString().ShouldBe("chan3");
        profile.GetProperty("peakViewers").GetInt32().ShouldBe(999_999);
        profile.GetProperty("peakAt").GetDateTimeOffset().ShouldBe(World.Start.AddMinutes(30));
        profile.GetProperty("firstSeen").GetDateTimeOffset().ShouldBe(rows.Min(o => o.Slot));
        var window = body.GetProperty("window");
        window.GetProperty("viewerMinutes").GetInt64().ShouldBe(inWindow.Sum(o => (long)o.Viewers));
        window.GetProperty("minutesLive").GetInt32().ShouldBe(inWindow.Count);
        window.GetProperty("hoursWatched").GetDouble().ShouldBe(inWindow.Sum(o => (long)o.Viewers) / 60.0, 1e-9);
        window.GetProperty("averageViewers").GetDouble().ShouldBe((double)inWindow.Sum(o => (long)o.Viewers) / inWindow.Count, 1e-9);
        window.GetProperty("peakViewers").GetInt64().ShouldBe(inWindow.Max(o => o.Viewers));
    }

    [Fact]
    public async Task Detail_WhenChannelUnknown_ShouldBeNotFoundProblem()
    {
        using var client = await api.ClientAsync("viewer");
        var response = await client.GetAsync("/api/series/sim/channels/42424242");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData("1m", 1)]
    [InlineData("5m", 5)]
    [InlineData("1h", 60)]
    public async Task Viewers_WhenStepGiven_ShouldAverageOverMinutesLiveAndTakeMaxPerStep(string step, int minutes)
    {
        using var client = await api.ClientAsync("viewer");
        var body = await Json.ReadAsync(await client.GetAsync($"/api/series/sim/channels/1005/viewers?from={World.Minute(From)}&to={World.Minute(To)}&step={step}"));

        var expected = api.World.Observations
            .Where(o => o.User == "1005" && o.Slot >= From && o.Slot < To)
            .GroupBy(o => o.Slot.ToUnixTimeSeconds() / 60 / minutes * minutes)
            .OrderBy(g => g.Key)
            .Select(g => (At: DateTimeOffset.FromUnixTimeSeconds(g.Key * 60), Avg: g.Average(o => (double)o.Viewers), Max: g.Max(o => o.Viewers), N: g.Count()))
            .ToList();
        var points = body.GetProperty("points").EnumerateArray().ToList();
        body.GetProperty("step").GetString().ShouldBe(step);
        points.Count.ShouldBe(expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            points[i].GetProperty("at").GetDateTimeOffset().ShouldBe(expected[i].At);
            points[i].GetProperty("average").GetDouble().ShouldBe(expected[i].Avg, 1e-9);
            points[i].GetProperty("max").GetInt32().ShouldBe(expected[i].Max);
            points[i].GetProperty("minutes").GetInt32().ShouldBe(expected[i].N);
        }
    }

    [Fact]
    public async Task Viewers_WhenNoWindowGiven_ShouldCoverTheDayEndingAtTheLatestRun()
    {
        using var client = await api.ClientAsync("viewer");
        var body = await Json.ReadAsync(await client.GetAsync("/api/series/sim/channels/1005/viewers"));

        body.GetProperty("to").GetDateTimeOffset().ShouldBe(World.Start.AddMinutes(World.Minutes));
        body.GetProperty("from").GetDateTimeOffset().ShouldBe(World.Start.AddMinutes(World.Minutes).AddHours(-24));
        body.GetProperty("step").GetString().ShouldBe("1m");
        body.GetProperty("points").GetArrayLength().ShouldBe(api.World.Observations.Count(o => o.User == "1005"));
    }
}
