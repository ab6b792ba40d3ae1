using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;
using Flick.Core.Ports;
using Shouldly;
using Xunit;

namespace Flick.Testing.Contracts;

/// <summary>The behaviour every <see cref="IWindowRollupStore"/> adapter has; run once per adapter.</summary>
public abstract class WindowRollupStoreContract
{
    private static readonly DateTimeOffset Hour = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _series = TablesScope.Unique("s");

    protected abstract IWindowRollupStore Store { get; }

    [Fact]
    public async Task WriteAsync_WhenReadBack_ShouldReturnTheSameFiguresAndVersion()
    {
        var window = Window(Hour, 58, "chan-a");

        (await Store.WriteAsync(_series, window, 3, CancellationToken.None)).ShouldBeTrue();

        ShouldMatch(await Store.ReadAsync(_series, Hour, Hour.AddHours(1), CancellationToken.None), window);
        var versioned = await Store.ReadVersionedAsync(_series, Hour, Hour.AddHours(1), CancellationToken.None);
        versioned.ShouldNotBeNull().DataVersion.ShouldBe(3);
        ShouldMatch(versioned.Window, window);
    }

    [Fact]
    public async Task WriteAsync_WhenTheWindowIsWrittenAgain_ShouldReplaceItAndKeepOtherWindows()
    {
        await Store.WriteAsync(_series, Window(Hour, 10, "old"), 1, CancellationToken.None);
        var next = Window(Hour.AddHours(1), 60, "next");
        await Store.WriteAsync(_series, next, 1, CancellationToken.None);
        var replacement = Window(Hour, 59, "new");

        (await Store.WriteAsync(_series, replacement, 2, CancellationToken.None)).ShouldBeTrue();

        ShouldMatch(await Store.ReadAsync(_series, Hour, Hour.AddHours(1), CancellationToken.None), replacement);
        ShouldMatch(await Store.ReadAsync(_series, Hour.AddHours(1), Hour.AddHours(2), CancellationToken.None), next);
        (await Store.ReadAsync(_series + "-other", Hour, Hour.AddHours(1), CancellationToken.None)).ShouldBeNull();
        (await Store.ReadAsync(_series, Hour, Hour.AddHours(2), CancellationToken.None)).ShouldBeNull();
        (await Store.ReadVersionedAsync(_series, Hour.AddMinutes(1), Hour.AddHours(1), CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task WriteAsync_WhenComputedFromOlderData_ShouldKeepTheNewerRollup()
    {
        var newer = Window(Hour, 59, "newer");
        (await Store.WriteAsync(_series, newer, 7, CancellationToken.None)).ShouldBeTrue();

        (await Store.WriteAsync(_series, Window(Hour, 58, "older"), 6, CancellationToken.None)).ShouldBeFalse();

        var stored = await Store.ReadVersionedAsync(_series, Hour, Hour.AddHours(1), CancellationToken.None);
        stored.ShouldNotBeNull().DataVersion.ShouldBe(7);
        ShouldMatch(stored.Window, newer);
    }

    [Fact]
    public async Task WriteAsync_WhenComputedFromTheSameVersion_ShouldReplaceTheRollup()
    {
        await Store.WriteAsync(_series, Window(Hour, 58, "first"), 7, CancellationToken.None);
        var again = Window(Hour, 59, "again");

        (await Store.WriteAsync(_series, again, 7, CancellationToken.None)).ShouldBeTrue();

        ShouldMatch(await Store.ReadAsync(_series, Hour, Hour.AddHours(1), CancellationToken.None), again);
    }

    [Fact]
    public async Task WriteAsync_WhenTheWindowHasThousandsOfChannels_ShouldReadBackEveryFigureInOrder()
    {
        var peak = Slot.Of(Hour).AddMinutes(3);
        var channels = Enumerable.Range(0, 1_234)
            .Select(i => new WindowFigures("user" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), "Channel " + i, 60_000 - i, 60, 2_000 - i, peak, i % 3))
            .ToList();
        var games = Enumerable.Range(0, 600).Select(i => new WindowFigures("g" + i, "Game " + i, 9_000 - i, 60, 500, peak, 1)).ToList();
        var window = new WindowMetrics(Hour, Hour.AddHours(1), 60, new WindowFigures(string.Empty, string.Empty, 1, 60, 1, peak, 0), channels, games);
        var smaller = window with { Channels = channels[..3], Games = [] };

        (await Store.WriteAsync(_series, window, 1, CancellationToken.None)).ShouldBeTrue();
        ShouldMatch(await Store.ReadAsync(_series, Hour, Hour.AddHours(1), CancellationToken.None), window);
        (await Store.WriteAsync(_series, smaller, 2, CancellationToken.None)).ShouldBeTrue();

        ShouldMatch(await Store.ReadAsync(_series, Hour, Hour.AddHours(1), CancellationToken.None), smaller);
    }

    protected static WindowMetrics Window(DateTimeOffset from, int sampled, string channelId)
    {
        var peak = Slot.Of(from).AddMinutes(7);
        return new WindowMetrics(
            from,
            from.AddHours(1),
            sampled,
            new WindowFigures(string.Empty, string.Empty, 1_000_000_000_000, sampled, 3_000_000_000, peak, 4),
            [new WindowFigures(channelId, "Name \"quoted\" é", 5000, 50, 120, peak, 1), new WindowFigures("b", "B", 10, 1, 10, peak.AddMinutes(1), 0)],
            [new WindowFigures("509658", "Just Chatting", 4000, sampled, 100, peak, 2)]);
    }

    protected static void ShouldMatch(WindowMetrics? actual, WindowMetrics expected)
    {
        actual.ShouldNotBeNull();
        actual.From.ShouldBe(expected.From);
        actual.To.ShouldBe(expected.To);
        actual.SampledMinutes.ShouldBe(expected.SampledMinutes);
        actual.Total.ShouldBe(expected.Total);
        actual.Channels.ShouldBe(expected.Channels);
        actual.Games.ShouldBe(expected.Games);
    }
}
