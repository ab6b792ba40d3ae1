using Flick.Core.Domain;
using Flick.Core.Domain.Runs;
using Flick.Local.Data;

namespace Flick.Local.Tests.Data;

public sealed class SqliteRunStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Slot S0 = Slot.Of(T0);

    private readonly TestDatabase _test = new();
    private readonly SqliteRunStore _runs;

    public SqliteRunStoreTests() => _runs = new SqliteRunStore(_test.Database);

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task PutAsync_WhenReadBack_ShouldReturnAnEqualRecordAndReplaceOnTheSameId()
    {
        var pending = Run("run-1", "series-a", T0);
        var finished = pending with
        {
            Status = RunStatus.Failed,
            StartedAt = T0.AddTicks(15),
            FinishedAt = T0.AddMinutes(2),
            Error = "Viewers failed",
            Reason = RunReasons.Rerun,
        };

        await _runs.PutAsync(pending, CancellationToken.None);
        (await _runs.GetAsync("run-1", CancellationToken.None)).ShouldBe(pending);
        await _runs.PutAsync(finished, CancellationToken.None);

        (await _runs.GetAsync("run-1", CancellationToken.None)).ShouldBe(finished);
        (await _runs.GetAsync("run-2", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task ListAsync_WhenSeriesHasRuns_ShouldReturnNewestFirstThenRunIdDescending()
    {
        var first = Run("run-a", "s", T0);
        var laterB = Run("run-b", "s", T0.AddMinutes(5));
        var laterC = Run("run-c", "s", T0.AddMinutes(5));
        var latest = Run("run-0", "s", T0.AddMinutes(9));
        foreach (var run in new[] { laterB, first, latest, Run("run-x", "other", T0.AddHours(1)), laterC })
        {
            await _runs.PutAsync(run, CancellationToken.None);
        }

        (await _runs.ListAsync("s", 10, CancellationToken.None)).ShouldBe([latest, laterC, laterB, first]);
        (await _runs.ListAsync("s", 2, CancellationToken.None)).ShouldBe([latest, laterC]);
    }

    [Fact]
    public async Task ListSeriesAsync_WhenRunsExist_ShouldReturnEachSeriesOnceInOrdinalOrder()
    {
        foreach (var (id, series) in new[] { ("1", "b"), ("2", "a-1"), ("3", "a"), ("4", "b"), ("5", "a") })
        {
            await _runs.PutAsync(Run(id, series, T0), CancellationToken.None);
        }

        (await _runs.ListSeriesAsync(CancellationToken.None)).ShouldBe(["a", "a-1", "b"]);
    }

    [Fact]
    public async Task CountSlotsDoneAsync_WhenStepsAreMarked_ShouldCountSlotsThatHaveAllTheSteps()
    {
        string[] all = ["viewers", "channel", "rankings"];
        foreach (var step in all)
        {
            await _runs.MarkStepDoneAsync("run-1", S0, step, CancellationToken.None);
        }

        await _runs.MarkStepDoneAsync("run-1", S0.AddMinutes(1), "viewers", CancellationToken.None);
        await _runs.MarkStepDoneAsync("run-1", S0.AddMinutes(1), "channel", CancellationToken.None);

        // Marking twice is harmless and counts once.
        await _runs.MarkStepDoneAsync("run-1", S0.AddMinutes(2), "viewers", CancellationToken.None);
        await _runs.MarkStepDoneAsync("run-1", S0.AddMinutes(2), "viewers", CancellationToken.None);
        foreach (var step in all)
        {
            await _runs.MarkStepDoneAsync("run-2", S0.AddMinutes(3), step, CancellationToken.None);
        }

        (await _runs.CountSlotsDoneAsync("run-1", all, CancellationToken.None)).ShouldBe(1);
        (await _runs.CountSlotsDoneAsync("run-1", ["viewers", "channel"], CancellationToken.None)).ShouldBe(2);
        (await _runs.CountSlotsDoneAsync("run-1", ["viewers", "viewers"], CancellationToken.None)).ShouldBe(3);
        (await _runs.CountSlotsDoneAsync("run-3", all, CancellationToken.None)).ShouldBe(0);
        await Should.ThrowAsync<ArgumentException>(() => _runs.CountSlotsDoneAsync("run-1", [], CancellationToken.None));
    }

    private static RunRecord Run(string id, string series, DateTimeOffset createdAt) => new()
    {
        RunId = id,
        SeriesId = series,
        Status = RunStatus.Pending,
        From = S0,
        To = S0.AddMinutes(60),
        Slots = 60,
        Observations = 6_000_000_000,
        Rejected = 12,
        CreatedAt = createdAt,
    };
}
