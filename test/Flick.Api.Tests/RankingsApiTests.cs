using System.Text.Json;
using Flick.Api.Tests.Support;

namespace Flick.Api.Tests;

/// <summary>Rankings and game answers against plain LINQ over the generated world.</summary>
public sealed class RankingsApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly DateTimeOffset From = World.Start.AddMinutes(60);
    private static readonly DateTimeOffset To = World.Start.AddMinutes(120);

    [Fact]
    public async Task WindowChannels_ShouldRankByViewerMinutesThenPeakThenId_WithRankChangeAgainstThePreviousWindow()
    {
        using var client = await api.ClientAsync("viewer");
        var body = await Json.ReadAsync(await client.GetAsync($"/api/series/sim/rankings/channels/window?from={World.Minute(From)}&to={World.Minute(To)}&limit=1000"));

        var current = RankChannels(From, To);
        var previous = RankChannels(From - (To - From), From).Select((x, i) => (x.User, Rank: i + 1)).ToDictionary(x => x.User, x => x.Rank);
        var entries = body.GetProperty("channels").EnumerateArray().ToList();
        entries.Count.ShouldBe(current.Count);
        for (var i = 0; i < current.Count; i++)
        {
            var (user, vm, minutes, peak, peakAt) = current[i];
            var e = entries[i];
            e.GetProperty("rank").GetInt32().ShouldBe(i + 1);
            e.GetProperty("userId").GetString().ShouldBe(user);
            e.GetProperty("viewerMinutes").GetInt64().ShouldBe(vm);
            e.GetProperty("minutesLive").GetInt32().ShouldBe(minutes);
            e.GetProperty("peakViewers").GetInt64().ShouldBe(peak);
            e.GetProperty("peakAt").GetDateTimeOffset().ShouldBe(peakAt);
            e.GetProperty("averageViewers").GetDouble().ShouldBe((double)vm / minutes, 1e-9);
            int? prior = previous.TryGetValue(user, out var p) ? p : null;
            Nullable(e.GetProperty("previousRank")).ShouldBe(prior);
            Nullable(e.GetProperty("rankChange")).ShouldBe(prior - (i + 1));
        }

        var sampled = api.World.SampledSlots.Count(s => s >= From && s < To);
        var total = body.GetProperty("total");
        total.GetProperty("sampledMinutes").GetInt32().ShouldBe(sampled);
        total.GetProperty("viewerMinutes").GetInt64().ShouldBe(current.Sum(c => c.ViewerMinutes));
        total.GetProperty("averageViewers").GetDouble().ShouldBe((double)current.Sum(c => c.ViewerMinutes) / sampled, 1e-9);
    }

    [Fact]
    public async Task WindowGames_ShouldAverageOverSampledMinutes_AndLeaveUncategorisedOut()
    {
        using var client = await api.ClientAsync("viewer");
        var body = await Json.ReadAsync(await client.GetAsync($"/api/series/sim/rankings/games/window?from={World.Minute(From)}&to={World.Minute(To)}"));

        var sampled = api.World.SampledSlots.Count(s => s >= From && s < To);
        var expected = api.World.Observations.Where(o => o.Game != "" && o.Slot >= From && o.Slot < To)
            .GroupBy(o => o.Game)
            .Select(g =>
            {
                var perSlot = g.GroupBy(o => o.Slot).Select(s => (Slot: s.Key, Viewers: s.Sum(o => (long)o.Viewers))).ToList();
                var peak = perSlot.Max(s => s.Viewers);
                return (Game: g.Key, Vm: perSlot.Sum(s => s.Viewers), Peak: peak, PeakAt: perSlot.Where(s => s.Viewers == peak).Min(s => s.Slot));
            })
            .OrderByDescending(x => x.Vm).ThenByDescending(x => x.Peak).ThenBy(x => x.Game, StringComparer.Ordinal).ToList();
        var games = body.GetProperty("games").EnumerateArray().ToList();
        games.Select(g => g.GetProperty("gameId").GetString()).ShouldBe(expected.Select(x => x.Game));
        for (var i = 0; i < expected.Count; i++)
        {
            games[i].GetProperty("viewerMinutes").GetInt64().ShouldBe(expected[i].Vm);
            games[i].GetProperty("peakViewers").GetInt64().ShouldBe(expected[i].Peak);
            games[i].GetProperty("peakAt").GetDateTimeOffset().ShouldBe(expected[i].PeakAt);
            games[i].GetProperty("sampledMinutes").GetInt32().ShouldBe(sampled);
            games[i].GetProperty("averageViewers").GetDouble().ShouldBe((double)expected[i].Vm / sampled, 1e-9);
        }
    }

    [Fact]
    public async Task MinuteChannels_ShouldGiveTheSlotRanking_WithThePlaceTheMinuteBefore()
    {
        using var client = await api.ClientAsync("viewer");
        var at = World.Start.AddMinutes(31);
        var body = await Json.ReadAsync(await client.GetAsync($"/api/series/sim/rankings/channels/minute?at={World.Minute(at)}&limit=10"));

        List<string> Ranked(DateTimeOffset slot) => api.World.Observations.Where(o => o.Slot == slot)
            .OrderByDescending(o => o.Viewers).ThenBy(o => o.User, StringComparer.Ordinal).Select(o => o.User).ToList();
        var now = Ranked(at).Take(10).ToList();
        var before = Ranked(at.AddMinutes(-1));
        var entries = body.GetProperty("channels").EnumerateArray().ToList();
        entries.Select(e => e.GetProperty("userId").GetString()).ShouldBe(now);
        for (var i = 0; i < now.Count; i++)
        {
            var prior = before.IndexOf(now[i]) is var p and >= 0 ? p + 1 : (int?)null;
            Nullable(entries[i].GetProperty("previousRank")).ShouldBe(prior);
        }
    }

    [Fact]
    public async Task MinuteGames_WhenNoSampleThatMinute_ShouldBeNotFound()
    {
        using var client = await api.ClientAsync("viewer");
        var response = await client.GetAsync($"/api/series/sim/rankings/games/minute?at={World.Minute(World.Start.AddMinutes(52))}");
        ((int)response.StatusCode).ShouldBe(404);
    }

    [Fact]
    public async Task GameViewers_ShouldGiveViewersAndChannelsPerStep_OverSampledMinutes()
    {
        using var client = await api.ClientAsync("viewer");
        var from = World.Start;
        var to = World.Start.AddMinutes(180);
        var body = await Json.ReadAsync(await client.GetAsync($"/api/series/sim/games/509658/viewers?from={World.Minute(from)}&to={World.Minute(to)}&step=1h"));

        var points = body.GetProperty("points").EnumerateArray().ToList();
        points.Count.ShouldBe(3);
        for (var h = 0; h < 3; h++)
        {
            var start = from.AddHours(h);
            var sampled = api.World.SampledSlots.Count(s => s >= start && s < start.AddHours(1));
            var perSlot = api.World.Observations.Where(o => o.Game == "509658" && o.Slot >= start && o.Slot < start.AddHours(1))
                .GroupBy(o => o.Slot).Select(g => (Viewers: g.Sum(o => (long)o.Viewers), Channels: g.Count())).ToList();
            points[h].GetProperty("at").GetDateTimeOffset().ShouldBe(start);
            points[h].GetProperty("minutes").GetInt32().ShouldBe(sampled);
            points[h].GetProperty("viewersAverage").GetDouble().ShouldBe((double)perSlot.Sum(s => s.Viewers) / sampled, 1e-9);
            points[h].GetProperty("viewersMax").GetInt64().ShouldBe(perSlot.Max(s => s.Viewers));
            points[h].GetProperty("channelsAverage").GetDouble().ShouldBe((double)perSlot.Sum(s => s.Channels) / sampled, 1e-9);
            points[h].GetProperty("channelsMax").GetInt32().ShouldBe(perSlot.Max(s => s.Channels));
        }
    }

    [Fact]
    public async Task GameSearch_ShouldMatchNamesAndOrderByViewerMinutes()
    {
        using var client = await api.ClientAsync("viewer");
        var body = await Json.ReadAsync(await client.GetAsync($"/api/series/sim/games?q=e&from={World.Minute(From)}&to={World.Minute(To)}"));

        var expected = api.World.Observations.Where(o => o.Game != "" && o.Slot >= From && o.Slot < To && o.GameName.Contains('e', StringComparison.OrdinalIgnoreCase))
            .GroupBy(o => o.Game).OrderByDescending(g => g.Sum(o => (long)o.Viewers)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        body.GetProperty("games").EnumerateArray().Select(g => g.GetProperty("gameId").GetString()).ShouldBe(expected);
    }

    private List<(string User, long ViewerMinutes, int Minutes, long Peak, DateTimeOffset PeakAt)> RankChannels(DateTimeOffset from, DateTimeOffset to) =>
        api.World.Observations.Where(o => o.Slot >= from && o.Slot < to).GroupBy(o => o.User)
            .Select(g =>
            {
                var peak = g.Max(o => o.Viewers);
                return (User: g.Key, ViewerMinutes: g.Sum(o => (long)o.Viewers), Minutes: g.Count(), Peak: (long)peak, PeakAt: g.Where(o => o.Viewers == peak).Min(o => o.Slot));
            })
            .OrderByDescending(x => x.ViewerMinutes).ThenByDescending(x => x.Peak).ThenBy(x => x.User, StringComparer.Ordinal).ToList();

    private static int? Nullable(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetInt32();
}
