using DuckDB.NET.Data;
using Flick.Core.Domain.Metrics;
using Flick.Local.Data;
using Flick.Local.Runtime;
using Flick.Local.Simulator;
using Flick.Testing;

namespace Flick.Local.Tests.EndToEnd;

/// <summary>
/// An hour whose last minute (HH:59) never came is rolled up once a later minute is stored: whether
/// the later minutes are finalized after the hour's own runs (the next runs look back) or before them
/// (the hour's last writer sees them), and whether they come in the next hour or after an hour with
/// no sample at all. Its window figures then equal the reference over the hour, and its window
/// Parquet files are in the clean bucket. Minutes just after the hour (less than the closing delay)
/// do not close it: its last minute may still be on its way.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class HourClosingTests : IAsyncLifetime
{
    private const string Series = "sim";
    private const int Channels = 60;

    // 08:50 to 08:58 UTC (early), then 09:10 to 09:14 (late) or 10:10 to 10:14 (later, after an hour
    // without a sample): the hour 08:00 never gets its last minute, and the source moves on. 09:00 to
    // 09:04 (soon) is within the closing delay.
    private static readonly DateTimeOffset From = new(2026, 11, 23, 8, 50, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Hour = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NextHour = Hour.AddHours(1);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "flick-closing-" + Guid.NewGuid().ToString("N"));

    private string Early => Path.Combine(_root, "early");

    private string Late => Path.Combine(_root, "late");

    private string Later => Path.Combine(_root, "later");

    private string Soon => Path.Combine(_root, "soon");

    private string DataDirectory => Path.Combine(_root, "data");

    public async Task InitializeAsync()
    {
        var all = Path.Combine(_root, "all");
        await SimulatedPulls.WriteAsync(all, new SimulatorOptions { Channels = Channels, Seed = 11 }, LocalHost.SimulatedSource, From, 85, 100, CancellationToken.None);
        foreach (var pull in Directory.EnumerateDirectories(all, "sim-*", SearchOption.AllDirectories))
        {
            var minute = Path.GetFileName(pull)[^4..];
            var target = minute switch
            {
                "0859" => null,
                _ when minute.StartsWith("08", StringComparison.Ordinal) => Early,
                _ when Between(minute, "0900", "0904") => Soon,
                _ when Between(minute, "0910", "0914") => Late,
                _ when Between(minute, "1010", "1014") => Later,
                _ => null,
            };
            if (target is null)
            {
                continue;
            }

            var destination = Path.Combine(target, Path.GetRelativePath(all, pull));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            Directory.Move(pull, destination);
        }
    }

    [Theory]
    [InlineData("late")]
    [InlineData("later")]
    public async Task LaterMinutesFinalizedAfterTheHour_ShouldRollUpTheHourThatMissedItsLastMinute(string then)
    {
        await ImportAsync(Early);
        (await RollupAsync(Hour)).ShouldBeNull("the hour is still open: its last minute may yet come");

        await ImportAsync(Folder(then));

        await ShouldEqualTheReferenceAsync(Folder(then));
    }

    [Theory]
    [InlineData("late")]
    [InlineData("later")]
    public async Task LaterMinutesFinalizedBeforeTheHour_ShouldRollUpTheHourThatMissedItsLastMinute(string first)
    {
        await ImportAsync(Folder(first));
        (await RollupAsync(Hour)).ShouldBeNull();

        await ImportAsync(Early);

        await ShouldEqualTheReferenceAsync(Folder(first));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task MinutesWithinTheClosingDelay_ShouldLeaveTheHourOpen(bool hourFirst)
    {
        await ImportAsync(hourFirst ? Early : Soon);
        await ImportAsync(hourFirst ? Soon : Early);

        (await RollupAsync(Hour)).ShouldBeNull($"09:00 to 09:04 are less than {Pipeline.Steps.RunSteps.ClosingDelay} minutes past the hour");
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }

    private static bool Between(string minute, string first, string last) =>
        string.CompareOrdinal(minute, first) >= 0 && string.CompareOrdinal(minute, last) <= 0;

    private string Folder(string name) => name == "late" ? Late : Later;

    private async Task ShouldEqualTheReferenceAsync(string then)
    {
        var reference = Reference(then);
        var (from, to) = (Hour.UtcDateTime, NextHour.UtcDateTime);
        var window = await RollupAsync(Hour);
        window.ShouldNotBeNull();
        var (viewerMinutes, sampled) = reference.TotalWindow(Series, from, to);
        sampled.ShouldBe(9);
        window.SampledMinutes.ShouldBe(sampled);
        window.Total.ViewerMinutes.ShouldBe(viewerMinutes);
        window.Channels.Select(c => c.Id).Take(10).ShouldBe(reference.WindowTopChannels(Series, from, to, 10));
        foreach (var channel in window.Channels)
        {
            var expected = reference.ChannelWindow(Series, channel.Id, from, to);
            (channel.ViewerMinutes, channel.Minutes, (int)channel.PeakViewers, channel.PeakSlot.Start.UtcDateTime)
                .ShouldBe((expected.ViewerMinutes, expected.MinutesLive, expected.Peak, expected.PeakSlot), $"channel {channel.Id}");
        }

        (await RollupAsync(NextHour)).ShouldBeNull("09:00 is open or empty: its last minute has not come");
        (await RollupAsync(NextHour.AddHours(1))).ShouldBeNull("10:00 is open or empty");

        // The hour's window file in the clean bucket, read by another engine: one row per channel, the same viewer-minutes.
        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        using var command = duck.CreateCommand();
        command.CommandText = $"""
            SELECT count(*), CAST(sum(viewer_minutes) AS BIGINT)
            FROM read_parquet('{DataDirectory}/buckets/clean/channel_windows/**/*.parquet', hive_partitioning = true)
            """;
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        (reader.GetInt64(0), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe((window.Channels.Count, viewerMinutes));
    }

    private async Task<WindowMetrics?> RollupAsync(DateTimeOffset hour)
    {
        using var db = new SqliteDatabase(DataDirectory);
        return await new SqliteWindowRollupStore(db).ReadAsync(Series, hour, hour.AddHours(1), CancellationToken.None);
    }

    private async Task ImportAsync(string folder)
    {
        var options = BackfillRun.OptionsFor(DataDirectory, Channels) with { Import = folder };
        var (summary, _) = await BackfillRun.StartAsync(options);
        summary.FailedRuns.ShouldBe(0);
    }

    /// <summary>The independent model, fed with the pages of both imports (08:59 is in neither).</summary>
    private ReferenceModel Reference(string then) => BackfillRun.ReferenceOf(Early, then);
}
