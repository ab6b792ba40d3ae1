using Flick.Core.Domain.Pulls;
using Flick.Local.Data;

namespace Flick.Local.Tests.Data;

public sealed class SqlitePullLogTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _test = new();
    private readonly SqlitePullLog _log;

    public SqlitePullLogTests() => _log = new SqlitePullLog(_test.Database);

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task PutAsync_WhenReadBack_ShouldReturnAnEqualRecord()
    {
        var record = Pull("p-1", "helix", T0) with
        {
            // Sub-millisecond ticks and a non-UTC offset must survive.
            StartedAt = new DateTimeOffset(2024, 5, 1, 14, 0, 1, TimeSpan.FromHours(2)).AddTicks(1234567),
            Status = PullStatus.Partial,
            Error = "cursor loop at page 7",
            Complete = false,
        };

        await _log.PutAsync(record, CancellationToken.None);

        (await _log.GetAsync("p-1", CancellationToken.None)).ShouldBe(record);
        (await _log.GetAsync("p-2", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task PutAsync_WhenThePullIdExists_ShouldReplaceTheRecord()
    {
        await _log.PutAsync(Pull("p-1", "helix", T0), CancellationToken.None);
        var replacement = Pull("p-1", "helix", T0) with { Status = PullStatus.Failed, Error = "429", Pages = 0 };

        await _log.PutAsync(replacement, CancellationToken.None);

        (await _log.GetAsync("p-1", CancellationToken.None)).ShouldBe(replacement);
        (await _log.ListAsync("helix", 10, CancellationToken.None)).ShouldBe([replacement]);
    }

    [Fact]
    public async Task ListAsync_WhenSourceHasManyPulls_ShouldReturnTheLatestStartedFirstUpToTheLimit()
    {
        var oldest = Pull("p-a", "helix", T0);
        var backfill = Pull("p-b", "helix", T0.AddMinutes(2)) with { At = T0.AddDays(-3) };
        var newest = Pull("p-c", "helix", T0.AddMinutes(3));
        var sameTimeLowerId = Pull("p-0", "helix", T0.AddMinutes(2));
        var other = Pull("p-z", "simulator", T0.AddMinutes(9));
        foreach (var record in new[] { oldest, newest, other, sameTimeLowerId, backfill })
        {
            await _log.PutAsync(record, CancellationToken.None);
        }

        var listed = await _log.ListAsync("helix", 3, CancellationToken.None);

        listed.ShouldBe([newest, backfill, sameTimeLowerId]);
    }

    private static PullRecord Pull(string id, string source, DateTimeOffset startedAt) => new()
    {
        PullId = id,
        Source = source,
        SeriesId = "twitch-all",
        At = startedAt,
        StartedAt = startedAt,
        FinishedAt = startedAt.AddSeconds(3.25),
        Pages = 4,
        Bytes = 123_456,
        Streams = 400,
        Sha256 = "ab12",
        Status = PullStatus.Succeeded,
        ManifestKey = $"pulls/{id}/manifest.json",
        Complete = true,
    };
}
