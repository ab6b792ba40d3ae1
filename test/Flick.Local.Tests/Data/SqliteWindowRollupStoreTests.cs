using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;
using Flick.Local.Data;

namespace Flick.Local.Tests.Data;

public sealed class SqliteWindowRollupStoreTests : IDisposable
{
    private static readonly DateTimeOffset Hour = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _test = new();
    private readonly SqliteWindowRollupStore _store;

    public SqliteWindowRollupStoreTests() => _store = new SqliteWindowRollupStore(_test.Database);

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task WriteAsync_WhenReadBack_ShouldReturnTheSameFigures()
    {
        var window = Window(Hour, 58, "chan-a");

        (await _store.WriteAsync("s", window, 1, CancellationToken.None)).ShouldBeTrue();

        ShouldMatch(await _store.ReadAsync("s", Hour, Hour.AddHours(1), CancellationToken.None), window);
    }

    [Fact]
    public async Task WriteAsync_WhenTheWindowIsWrittenAgain_ShouldReplaceItAndKeepOtherWindows()
    {
        await _store.WriteAsync("s", Window(Hour, 10, "old"), 1, CancellationToken.None);
        var next = Window(Hour.AddHours(1), 60, "next");
        await _store.WriteAsync("s", next, 1, CancellationToken.None);
        var replacement = Window(Hour, 59, "new");

        (await _store.WriteAsync("s", replacement, 2, CancellationToken.None)).ShouldBeTrue();

        ShouldMatch(await _store.ReadAsync("s", Hour, Hour.AddHours(1), CancellationToken.None), replacement);
        ShouldMatch(await _store.ReadAsync("s", Hour.AddHours(1), Hour.AddHours(2), CancellationToken.None), next);
        (await _store.ReadAsync("t", Hour, Hour.AddHours(1), CancellationToken.None)).ShouldBeNull();
        (await _store.ReadAsync("s", Hour, Hour.AddHours(2), CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task WriteAsync_WhenComputedFromOlderData_ShouldKeepTheNewerRollup()
    {
        var newer = Window(Hour, 59, "newer");
        (await _store.WriteAsync("s", newer, 7, CancellationToken.None)).ShouldBeTrue();

        (await _store.WriteAsync("s", Window(Hour, 58, "older"), 6, CancellationToken.None)).ShouldBeFalse();

        ShouldMatch(await _store.ReadAsync("s", Hour, Hour.AddHours(1), CancellationToken.None), newer);
    }

    private static WindowMetrics Window(DateTimeOffset from, int sampled, string channelId)
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

    private static void ShouldMatch(WindowMetrics? actual, WindowMetrics expected)
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
