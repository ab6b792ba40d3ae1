using Flick.Core.Domain;
using Flick.Local.Data;

namespace Flick.Local.Tests.EndToEnd;

/// <summary>
/// A generated data set is byte for byte what pulling the simulator leaves in bronze, and
/// <c>--import</c> of it runs the whole flow to gold figures equal to the independent reference.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ImportTests(ImportFixture fixture) : IClassFixture<ImportFixture>
{
    private const string Series = "sim";

    private static DateTime Minute(int offset) => BackfillRun.End.UtcDateTime.AddMinutes(offset);

    [Fact]
    public void GeneratedDataSet_ShouldEqualWhatThePullerStoredFromTheSimulator()
    {
        var pulledRoot = Path.Combine(fixture.Pulled.DataDirectory, "buckets", "raw");
        var pulled = Keys(Path.Combine(pulledRoot, "pulls"));
        var generated = Keys(Path.Combine(fixture.DataSet, "pulls"));

        generated.ShouldBe(pulled);
        generated.Count.ShouldBe(fixture.Written.Pages + ImportFixture.Minutes);
        foreach (var key in generated)
        {
            File.ReadAllBytes(Path.Combine(fixture.DataSet, "pulls", key)).ShouldBe(File.ReadAllBytes(Path.Combine(pulledRoot, "pulls", key)), key);
        }
    }

    [Fact]
    public void ImportSummary_ShouldCoverTheDataSetsMinutes()
    {
        var kept = fixture.Reference().Kept();

        fixture.Summary.From.ShouldBe(BackfillRun.End.AddMinutes(-ImportFixture.Minutes));
        fixture.Summary.To.ShouldBe(BackfillRun.End);
        fixture.Summary.Slots.ShouldBe(ImportFixture.Minutes);
        fixture.Summary.Runs.ShouldBe(ImportFixture.Minutes);
        fixture.Summary.FailedRuns.ShouldBe(0);
        fixture.Summary.Observations.ShouldBe(kept.Count);
        fixture.Summary.Observations.ShouldBe(fixture.Written.Streams);
        fixture.Notifications.ShouldBe(ImportFixture.Minutes);
    }

    [Fact]
    public async Task ImportedGold_ShouldEqualTheReference()
    {
        var reference = fixture.Reference();
        using var db = new SqliteDatabase(fixture.ImportDirectory);
        var viewers = new SqliteViewerMetricsStore(db);
        var rankings = new SqliteRankingStore(db);

        var totals = await viewers.ReadTotalsAsync(Series, Slot.Of(Minute(-ImportFixture.Minutes)), Slot.Of(Minute(0)), CancellationToken.None);

        totals.Select(t => t.Slot.Start.UtcDateTime).ShouldBe(reference.SampledSlots(Series));
        foreach (var t in totals)
        {
            var slot = t.Slot.Start.UtcDateTime;
            (t.Viewers, t.LiveChannels).ShouldBe(reference.Totals(Series, slot), $"totals of {t.Slot}");
            var games = await viewers.ReadGamesAsync(Series, t.Slot, t.Slot.AddMinutes(1), CancellationToken.None);
            games.Select(g => (g.GameId, g.Viewers, g.Channels)).ShouldBe(reference.Games(Series, slot), $"games of {t.Slot}");
            var ranking = await rankings.ReadSlotAsync(Series, t.Slot, CancellationToken.None);
            ranking.ShouldNotBeNull();
            ranking.Channels.Select(c => c.UserId).ShouldBe(reference.TopChannels(Series, slot, 100), $"top channels of {t.Slot}");
            ranking.Games.Select(g => g.GameId).ShouldBe(reference.TopGames(Series, slot, 100), $"top games of {t.Slot}");
        }

        var window = await new SqliteWindowRollupStore(db).ReadAsync(Series, Minute(-60), Minute(0), CancellationToken.None);
        window.ShouldNotBeNull();
        window.Total.ViewerMinutes.ShouldBe(reference.TotalWindow(Series, Minute(-60), Minute(0)).ViewerMinutes);
        foreach (var channel in window.Channels.Take(25))
        {
            var expected = reference.ChannelWindow(Series, channel.Id, Minute(-60), Minute(0));
            (channel.ViewerMinutes, channel.Minutes, (int)channel.PeakViewers, channel.PeakSlot.Start.UtcDateTime)
                .ShouldBe((expected.ViewerMinutes, expected.MinutesLive, expected.Peak, expected.PeakSlot), $"channel {channel.Id}");
        }
    }

    private static List<string> Keys(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
