using Flick.Core.Domain;
using Flick.Core.Domain.Runs;
using Flick.Core.Ports;
using Shouldly;
using Xunit;

namespace Flick.Testing.Contracts;

/// <summary>The behaviour every <see cref="IRunStore"/> adapter has; run once per adapter.</summary>
public abstract class RunStoreContract
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Slot S0 = Slot.Of(T0);

    private readonly string _series = TablesScope.Unique("s");

    protected abstract IRunStore Runs { get; }

    [Fact]
    public async Task PutAsync_WhenReadBack_ShouldReturnAnEqualRecordAndReplaceOnTheSameId()
    {
        var pending = Run("run-1", _series, T0);
        var finished = pending with
        {
            Status = RunStatus.Failed,
            StartedAt = T0.AddTicks(15),
            FinishedAt = new DateTimeOffset(2024, 5, 1, 14, 2, 0, TimeSpan.FromHours(2)),
            Error = "Viewers failed",
            Reason = RunReasons.Rerun,
        };

        await Runs.PutAsync(pending, CancellationToken.None);
        (await Runs.GetAsync(Id("run-1"), CancellationToken.None)).ShouldBe(pending);
        await Runs.PutAsync(finished, CancellationToken.None);

        (await Runs.GetAsync(Id("run-1"), CancellationToken.None)).ShouldBe(finished);
        (await Runs.GetAsync(Id("run-2"), CancellationToken.None)).ShouldBeNull();
        (await Runs.ListAsync(_series, 10, CancellationToken.None)).ShouldBe([finished]);
    }

    [Fact]
    public async Task ListAsync_WhenSeriesHasRuns_ShouldReturnNewestFirstThenRunIdDescending()
    {
        var first = Run("run-a", _series, T0);
        var laterB = Run("run-b", _series, T0.AddMinutes(5));
        var laterC = Run("run-c", _series, T0.AddMinutes(5));
        var latest = Run("run-0", _series, T0.AddMinutes(9));
        foreach (var run in new[] { laterB, first, latest, Run("run-x", _series + "-other", T0.AddHours(1)), laterC })
        {
            await Runs.PutAsync(run, CancellationToken.None);
        }

        (await Runs.ListAsync(_series, 10, CancellationToken.None)).ShouldBe([latest, laterC, laterB, first]);
        (await Runs.ListAsync(_series, 2, CancellationToken.None)).ShouldBe([latest, laterC]);
        (await Runs.ListAsync(_series, 0, CancellationToken.None)).ShouldBeEmpty();
        (await Runs.ListAsync(_series + "-none", 10, CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ListSeriesAsync_WhenRunsExist_ShouldReturnEachSeriesOnceInOrdinalOrder()
    {
        foreach (var (id, suffix) in new[] { ("1", "-b"), ("2", "-a-1"), ("3", "-a"), ("4", "-b"), ("5", "-a") })
        {
            await Runs.PutAsync(Run(id, _series + suffix, T0), CancellationToken.None);
        }

        var listed = await Runs.ListSeriesAsync(CancellationToken.None);

        // Other tests may share the store: only this test's series are compared, the order of all is checked.
        listed.Where(s => s.StartsWith(_series, StringComparison.Ordinal)).ShouldBe([_series + "-a", _series + "-a-1", _series + "-b"]);
        listed.ShouldBe(listed.Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CountSlotsDoneAsync_WhenStepsAreMarked_ShouldCountSlotsThatHaveAllTheSteps()
    {
        string[] all = ["viewers", "channel", "rankings"];
        foreach (var step in all)
        {
            await Runs.MarkStepDoneAsync(Id("run-1"), S0, step, CancellationToken.None);
        }

        await Runs.MarkStepDoneAsync(Id("run-1"), S0.AddMinutes(1), "viewers", CancellationToken.None);
        await Runs.MarkStepDoneAsync(Id("run-1"), S0.AddMinutes(1), "channel", CancellationToken.None);

        // Marking twice is harmless and counts once.
        await Runs.MarkStepDoneAsync(Id("run-1"), S0.AddMinutes(2), "viewers", CancellationToken.None);
        await Runs.MarkStepDoneAsync(Id("run-1"), S0.AddMinutes(2), "viewers", CancellationToken.None);
        foreach (var step in all)
        {
            await Runs.MarkStepDoneAsync(Id("run-2"), S0.AddMinutes(3), step, CancellationToken.None);
        }

        (await Runs.CountSlotsDoneAsync(Id("run-1"), all, CancellationToken.None)).ShouldBe(1);
        (await Runs.CountSlotsDoneAsync(Id("run-1"), ["viewers", "channel"], CancellationToken.None)).ShouldBe(2);
        (await Runs.CountSlotsDoneAsync(Id("run-1"), ["viewers", "viewers"], CancellationToken.None)).ShouldBe(3);
        (await Runs.CountSlotsDoneAsync(Id("run-2"), all, CancellationToken.None)).ShouldBe(1);
        (await Runs.CountSlotsDoneAsync(Id("run-3"), all, CancellationToken.None)).ShouldBe(0);
        await Should.ThrowAsync<ArgumentException>(() => Runs.CountSlotsDoneAsync(Id("run-1"), [], CancellationToken.None));
    }

    [Fact]
    public async Task CountSlotsDoneAsync_WhenARunHasManySlots_ShouldCountThemAll()
    {
        const int slots = 25;
        await Task.WhenAll(Enumerable.Range(0, slots).Select(i => Runs.MarkStepDoneAsync(Id("run-1"), S0.AddMinutes(i), "viewers", CancellationToken.None)));

        (await Runs.CountSlotsDoneAsync(Id("run-1"), ["viewers"], CancellationToken.None)).ShouldBe(25);
    }

    private string Id(string name) => _series + "/" + name;

    private RunRecord Run(string name, string series, DateTimeOffset createdAt) => new()
    {
        RunId = Id(name),
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
