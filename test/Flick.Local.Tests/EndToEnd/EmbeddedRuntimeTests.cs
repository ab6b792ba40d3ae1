using Flick.Core.Domain;
using Flick.Core.Ports;
using Flick.Local.Data;
using Flick.Testing;
using DuckDB.NET.Data;

namespace Flick.Local.Tests.EndToEnd;

/// <summary>
/// The whole flow on generated data — simulator, Puller over HTTP, bronze, events, queues,
/// Background Starter, Series Starter, the state machine, gold — checked against an independent
/// computation over the raw pages the run received.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class EmbeddedRuntimeTests(BackfillFixture fixture) : IClassFixture<BackfillFixture>
{
    private const string Series = "sim";
    private readonly BackfillRun _run = fixture.Run;

    private static DateTime Minute(int offset) => BackfillRun.End.UtcDateTime.AddMinutes(offset);

    private SqliteDatabase Database() => new(_run.DataDirectory);

    [Fact]
    public void Summary_ShouldCountEveryMinuteOfTheBackfill()
    {
        var reference = _run.Reference();
        var kept = reference.Kept();

        _run.Summary.Pulls.ShouldBe(12);
        _run.Summary.FailedPulls.ShouldBe(0);
        _run.Summary.Slots.ShouldBe(12);
        _run.Summary.Runs.ShouldBe(12);
        _run.Summary.FailedRuns.ShouldBe(0);
        _run.Summary.Observations.ShouldBe(kept.Count);
        _run.Summary.Observations.ShouldBeGreaterThan(12 * 50);
        _run.Notifications.ShouldBe(12);   // one SeriesReady per run
    }

    [Fact]
    public async Task SlotTotalsAndGameSums_ShouldEqualTheReference()
    {
        var reference = _run.Reference();
        using var db = Database();
        var store = new SqliteViewerMetricsStore(db);

        var totals = await store.ReadTotalsAsync(Series, Slot.Of(Minute(-12)), Slot.Of(Minute(0)), CancellationToken.None);

        totals.Select(t => t.Slot.Start.UtcDateTime).ShouldBe(reference.SampledSlots(Series));
        foreach (var t in totals)
        {
            var slot = t.Slot.Start.UtcDateTime;
            (t.Viewers, t.LiveChannels).ShouldBe(reference.Totals(Series, slot), $"totals of {t.Slot}");
            var games = await store.ReadGamesAsync(Series, t.Slot, t.Slot.AddMinutes(1), CancellationToken.None);
            games.Select(g => (g.GameId, g.Viewers, g.Channels)).ShouldBe(reference.Games(Series, slot), $"games of {t.Slot}");
        }
    }

    [Fact]
    public async Task SlotRankings_ShouldEqualTheReferenceTopTen()
    {
        var reference = _run.Reference();
        using var db = Database();
        var store = new SqliteRankingStore(db);

        foreach (var slot in reference.SampledSlots(Series))
        {
            var ranking = await store.ReadSlotAsync(Series, Slot.Of(slot), CancellationToken.None);
            ranking.ShouldNotBeNull();
            ranking.Channels.Take(10).Select(c => c.UserId).ShouldBe(reference.TopChannels(Series, slot, 10));
            ranking.Games.Take(10).Select(g => g.GameId).ShouldBe(reference.TopGames(Series, slot, 10));
            ranking.Channels.Select(c => c.Rank).ShouldBe(Enumerable.Range(1, ranking.Channels.Count));
        }
    }

    [Fact]
    public async Task HourRollup_ShouldEqualTheReferenceWindowFigures()
    {
        var reference = _run.Reference();
        using var db = Database();
        var store = new SqliteWindowRollupStore(db);
        var from = Minute(-60);
        var to = Minute(0);

        var window = await store.ReadAsync(Series, from, to, CancellationToken.None);

        window.ShouldNotBeNull();
        var (viewerMinutes, sampled) = reference.TotalWindow(Series, from, to);
        window.SampledMinutes.ShouldBe(sampled);
        window.Total.ViewerMinutes.ShouldBe(viewerMinutes);
        window.Total.AverageViewers.ShouldBe((double)viewerMinutes / sampled, 1e-9);
        window.Channels.Take(10).Select(c => c.Id).ShouldBe(reference.WindowTopChannels(Series, from, to, 10));
        foreach (var channel in window.Channels.Take(25))
        {
            var expected = reference.ChannelWindow(Series, channel.Id, from, to);
            (channel.ViewerMinutes, channel.Minutes, (int)channel.PeakViewers, channel.PeakSlot.Start.UtcDateTime)
                .ShouldBe((expected.ViewerMinutes, expected.MinutesLive, expected.Peak, expected.PeakSlot), $"channel {channel.Id}");
        }
    }

    [Fact]
    public void ParquetReadByDuckDb_ShouldEqualTheReferenceTotals()
    {
        var reference = _run.Reference();
        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        using var command = duck.CreateCommand();
        command.CommandText = $"""
            SELECT slot, series, CAST(sum(viewers) AS BIGINT), count(*) FROM read_parquet('{_run.DataDirectory}/buckets/clean/channel_viewers/**/*.parquet', hive_partitioning = true)
            GROUP BY slot, series ORDER BY slot
            """;
        using var reader = command.ExecuteReader();
        var rows = new List<(DateTime, long, long)>();
        while (reader.Read())
        {
            reader.GetString(1).ShouldBe(Series);
            rows.Add((DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc), Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture), reader.GetInt64(3)));
        }

        rows.ShouldBe(reference.SampledSlots(Series).Select(s => (s, reference.Totals(Series, s).Viewers, (long)reference.Totals(Series, s).Channels)));
    }

    [Fact]
    public async Task Profiles_ShouldHoldLatestObservationAndPeak()
    {
        var kept = _run.Reference().Kept();
        using var db = Database();
        var store = new SqliteChannelProfileStore(db);

        foreach (var user in kept.Select(o => o.User).Distinct().Order(StringComparer.Ordinal).Take(30))
        {
            var rows = kept.Where(o => o.User == user).OrderBy(o => o.Slot).ToList();
            var profile = await store.GetAsync(Series, user, CancellationToken.None);
            profile.ShouldNotBeNull();
            profile.FirstSeen.Start.UtcDateTime.ShouldBe(rows[0].Slot);
            profile.LastSeen.Start.UtcDateTime.ShouldBe(rows[^1].Slot);
            profile.UserLogin.ShouldBe(rows[^1].Login);
            profile.GameId.ShouldBe(rows[^1].Game);
            profile.PeakViewers.ShouldBe(rows.Max(o => o.Viewers));
            profile.PeakSlot.Start.UtcDateTime.ShouldBe(rows.First(o => o.Viewers == rows.Max(x => x.Viewers)).Slot);
        }
    }

    [Fact]
    public async Task Runs_ShouldAllHaveSucceededWithEverySlotDone()
    {
        using var db = Database();
        var runs = new SqliteRunStore(db);

        var all = await runs.ListAsync(Series, 100, CancellationToken.None);

        all.Count.ShouldBe(12);
        foreach (var run in all)
        {
            run.Status.ShouldBe(Core.Domain.Runs.RunStatus.Succeeded);
            (await runs.CountSlotsDoneAsync(run.RunId, ["viewers", "channel", "rankings"], CancellationToken.None)).ShouldBe(run.Slots);
        }
    }
}
