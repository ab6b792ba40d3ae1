using Amazon.DynamoDBv2.Model;
using Flick.Aws.Tables;
using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;

namespace Flick.Aws.Tests.Tables;

[Trait("Category", "Integration")]
public sealed class DynamoWindowRollupStoreTests(DynamoTablesFixture tables) : IClassFixture<DynamoTablesFixture>, IDisposable
{
    private static readonly DateTimeOffset Hour = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly ProbeDynamoClient _probe = new();
    private readonly string _series = "s-" + Guid.NewGuid().ToString("N")[..12];

    public void Dispose() => _probe.Dispose();

    [Fact]
    public async Task WriteAsync_WhenTheWindowHasTenThousandChannels_ShouldStoreThemInPartsOfFiveHundredAndReadThemBack()
    {
        var store = new DynamoWindowRollupStore(tables.Client, tables.Options);
        var window = Window(10_000, 700, "big");

        (await store.WriteAsync(_series, window, 1, CancellationToken.None)).ShouldBeTrue();

        ShouldMatch(await store.ReadAsync(_series, Hour, Hour.AddHours(1), CancellationToken.None), window);
        // 10,000 channels in 20 parts, 700 games in 2, and the head.
        (await StoredKeysAsync()).Count.ShouldBe(20 + 2 + 1);
    }

    [Fact]
    public async Task WriteAsync_WhenThePartsAreAnsweredInPart_ShouldStillStoreEveryPart()
    {
        var store = new DynamoWindowRollupStore(_probe, tables.Options);
        var window = Window(3_000, 10, "retried");
        _probe.AnswerBatchesInPart(3);

        (await store.WriteAsync(_series, window, 1, CancellationToken.None)).ShouldBeTrue();

        ShouldMatch(await store.ReadAsync(_series, Hour, Hour.AddHours(1), CancellationToken.None), window);
    }

    [Fact]
    public async Task WriteAsync_WhenEightVersionsRace_ShouldKeepTheNewestAndLeaveOnlyItsParts()
    {
        var store = new DynamoWindowRollupStore(tables.Client, tables.Options);
        var windows = Enumerable.Range(1, 8).Select(v => Window(600 + v, 1, "v" + v)).ToArray();

        var written = await Task.WhenAll(windows.Select((w, i) => Task.Run(() => store.WriteAsync(_series, w, i + 1, CancellationToken.None))));

        written[^1].ShouldBeTrue();
        var stored = (await store.ReadVersionedAsync(_series, Hour, Hour.AddHours(1), CancellationToken.None)).ShouldNotBeNull();
        stored.DataVersion.ShouldBe(8);
        ShouldMatch(stored.Window, windows[^1]);
        // Losers removed their own parts and winners the parts they replaced: 608 channels in 2 parts, 1 game part, the head.
        (await StoredKeysAsync()).Count.ShouldBe(2 + 1 + 1);
    }

    [Fact]
    public async Task WriteAsync_WhenANewerRollupLandsWhileThePartsAreWritten_ShouldNotWriteAndRemoveItsParts()
    {
        var plain = new DynamoWindowRollupStore(tables.Client, tables.Options);
        var newer = Window(5, 1, "newer");
        _probe.BeforePut = request => request.Item["sk"].S == "head" ? plain.WriteAsync(_series, newer, 5, CancellationToken.None) : Task.CompletedTask;

        (await new DynamoWindowRollupStore(_probe, tables.Options).WriteAsync(_series, Window(1_200, 1, "older"), 4, CancellationToken.None)).ShouldBeFalse();

        var stored = (await plain.ReadVersionedAsync(_series, Hour, Hour.AddHours(1), CancellationToken.None)).ShouldNotBeNull();
        stored.DataVersion.ShouldBe(5);
        ShouldMatch(stored.Window, newer);
        (await StoredKeysAsync()).Count.ShouldBe(1 + 1 + 1);
    }

    [Fact]
    public async Task WriteAsync_WhenWritersDiedBetweenTheirPartsAndTheirHead_ShouldLetTheNextWinnerDeleteTheDeadParts()
    {
        var plain = new DynamoWindowRollupStore(tables.Client, tables.Options);
        var dying = new DynamoWindowRollupStore(_probe, tables.Options);
        _probe.BeforePut = request => request.Item["sk"].S == "head" ? throw new IOException("simulated crash: the process is gone") : Task.CompletedTask;
        (await plain.WriteAsync(_series, Window(5, 1, "v1"), 1, CancellationToken.None)).ShouldBeTrue();
        await Should.ThrowAsync<IOException>(() => dying.WriteAsync(_series, Window(1_200, 1, "v2"), 2, CancellationToken.None));
        await Should.ThrowAsync<IOException>(() => dying.WriteAsync(_series, Window(1_200, 1, "v9"), 9, CancellationToken.None));
        // v1: head + 1 channel part + 1 game part; each dead writer: 3 channel parts (1,200 / 500) + 1 game part.
        (await StoredKeysAsync()).Count.ShouldBe(3 + 4 + 4);

        var v3 = Window(5, 1, "v3");
        (await plain.WriteAsync(_series, v3, 3, CancellationToken.None)).ShouldBeTrue();

        // Below version 3 everything is dead (v1's parts and the v2 writer's); the v9 writer's parts could still
        // belong to a live writer that is about to put its head, so they stay until a version above 9 wins.
        ShouldMatch(await plain.ReadAsync(_series, Hour, Hour.AddHours(1), CancellationToken.None), v3);
        var keys = await StoredKeysAsync();
        keys.Count.ShouldBe(3 + 4);
        keys.Count(k => k.StartsWith("part#0000000000000000009#", StringComparison.Ordinal)).ShouldBe(4);

        var v10 = Window(5, 1, "v10");
        (await plain.WriteAsync(_series, v10, 10, CancellationToken.None)).ShouldBeTrue();
        ShouldMatch(await plain.ReadAsync(_series, Hour, Hour.AddHours(1), CancellationToken.None), v10);
        (await StoredKeysAsync()).Count.ShouldBe(3);

        // A rewrite of the same version replaces the parts its head named.
        var again = Window(700, 1, "v10 again");
        (await plain.WriteAsync(_series, again, 10, CancellationToken.None)).ShouldBeTrue();
        ShouldMatch(await plain.ReadAsync(_series, Hour, Hour.AddHours(1), CancellationToken.None), again);
        (await StoredKeysAsync()).Count.ShouldBe(1 + 2 + 1);
    }

    [Fact]
    public async Task WriteAsync_WhenTheVersionIsNegative_ShouldThrowAndWriteNothing()
    {
        var store = new DynamoWindowRollupStore(tables.Client, tables.Options);

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => store.WriteAsync(_series, Window(5, 1, "neg"), -1, CancellationToken.None));

        (await StoredKeysAsync()).ShouldBeEmpty();
    }

    private async Task<List<string>> StoredKeysAsync()
    {
        var request = new QueryRequest
        {
            TableName = tables.Prefix + DynamoTableDefinitions.Rollups.Suffix,
            KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = RollupItems.Partition(_series, Hour, Hour.AddHours(1)) } },
            ConsistentRead = true,
        };
        return [.. (await tables.Client.QueryAllAsync(request, CancellationToken.None).ToListAsync(CancellationToken.None)).Select(i => i["sk"].S)];
    }

    private static WindowMetrics Window(int channels, int games, string name)
    {
        var peak = Slot.Of(Hour).AddMinutes(5);
        return new WindowMetrics(
            Hour,
            Hour.AddHours(1),
            60,
            new WindowFigures(string.Empty, string.Empty, 123_456_789, 60, 50_000, peak, 42),
            [.. Enumerable.Range(0, channels).Select(i => new WindowFigures($"{100_000 + i}", $"{name} channel {i}", 60_000 - i, 60, 1_000 + i, peak.AddMinutes(i % 60), i % 2))],
            [.. Enumerable.Range(0, games).Select(i => new WindowFigures($"{i}", $"{name} game {i}", 9_000 - i, 60, 500, peak, 1))]);
    }

    private static void ShouldMatch(WindowMetrics? actual, WindowMetrics expected)
    {
        actual.ShouldNotBeNull();
        (actual.From, actual.To, actual.SampledMinutes, actual.Total).ShouldBe((expected.From, expected.To, expected.SampledMinutes, expected.Total));
        actual.Channels.ShouldBe(expected.Channels);
        actual.Games.ShouldBe(expected.Games);
    }
}
