using Flick.Core.Domain.Pulls;
using Flick.Core.Ports;
using Shouldly;
using Xunit;

namespace Flick.Testing.Contracts;

/// <summary>The behaviour every <see cref="IPullLog"/> adapter has; run once per adapter.</summary>
public abstract class PullLogContract
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _source = TablesScope.Unique("helix");

    protected abstract IPullLog Log { get; }

    [Fact]
    public async Task PutAsync_WhenReadBack_ShouldReturnAnEqualRecord()
    {
        var record = Pull("p-1", _source, T0) with
        {
            // Sub-millisecond ticks and a non-UTC offset must survive (as the same instant).
            StartedAt = new DateTimeOffset(2024, 5, 1, 14, 0, 1, TimeSpan.FromHours(2)).AddTicks(1234567),
            Status = PullStatus.Partial,
            Error = "cursor loop at page 7",
            Complete = false,
        };
        var succeeded = Pull("p-2", _source, T0);

        await Log.PutAsync(record, CancellationToken.None);
        await Log.PutAsync(succeeded, CancellationToken.None);

        (await Log.GetAsync(Id("p-1"), CancellationToken.None)).ShouldBe(record);
        (await Log.GetAsync(Id("p-2"), CancellationToken.None)).ShouldBe(succeeded);
        (await Log.GetAsync(Id("p-3"), CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task PutAsync_WhenThePullIdExists_ShouldReplaceTheRecord()
    {
        await Log.PutAsync(Pull("p-1", _source, T0), CancellationToken.None);
        var replacement = Pull("p-1", _source, T0.AddMinutes(1)) with { Status = PullStatus.Failed, Error = "429", Pages = 0 };

        await Log.PutAsync(replacement, CancellationToken.None);

        (await Log.GetAsync(Id("p-1"), CancellationToken.None)).ShouldBe(replacement);
        (await Log.ListAsync(_source, 10, CancellationToken.None)).ShouldBe([replacement]);
    }

    [Fact]
    public async Task ListAsync_WhenSourceHasManyPulls_ShouldReturnTheLatestStartedFirstThenPullIdDescendingUpToTheLimit()
    {
        var oldest = Pull("p-a", _source, T0);
        var backfill = Pull("p-b", _source, T0.AddMinutes(2)) with { At = T0.AddDays(-3) };
        var newest = Pull("p-c", _source, T0.AddMinutes(3));
        var sameTimeLowerId = Pull("p-0", _source, T0.AddMinutes(2));
        var other = Pull("p-z", _source + "-other", T0.AddMinutes(9));
        foreach (var record in new[] { oldest, newest, other, sameTimeLowerId, backfill })
        {
            await Log.PutAsync(record, CancellationToken.None);
        }

        (await Log.ListAsync(_source, 3, CancellationToken.None)).ShouldBe([newest, backfill, sameTimeLowerId]);
        (await Log.ListAsync(_source, 10, CancellationToken.None)).ShouldBe([newest, backfill, sameTimeLowerId, oldest]);
        (await Log.ListAsync(_source, 0, CancellationToken.None)).ShouldBeEmpty();
        (await Log.ListAsync(_source + "-none", 5, CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ListAsync_WhenLimitIsNegative_ShouldThrow() =>
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Log.ListAsync(_source, -1, CancellationToken.None));

    private string Id(string name) => _source + "/" + name;

    private PullRecord Pull(string name, string source, DateTimeOffset startedAt) => new()
    {
        PullId = Id(name),
        Source = source,
        SeriesId = "twitch-all",
        At = startedAt,
        StartedAt = startedAt,
        FinishedAt = startedAt.AddSeconds(3.25),
        Pages = 4,
        Bytes = 123_456_789_012,
        Streams = 400,
        Sha256 = "ab12",
        Status = PullStatus.Succeeded,
        ManifestKey = $"pulls/{name}/manifest.json",
        Complete = true,
    };
}
