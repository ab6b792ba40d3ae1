using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;
using Flick.Local.Data;

namespace Flick.Local.Tests.Data;

public sealed class SqliteRankingStoreTests : IDisposable
{
    private static readonly Slot S0 = Slot.Parse("2024-05-01T12:00Z");

    private readonly TestDatabase _test = new();
    private readonly SqliteRankingStore _store;

    public SqliteRankingStoreTests() => _store = new SqliteRankingStore(_test.Database);

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task WriteSlotAsync_WhenReadBack_ShouldReturnBothListsInRankOrder()
    {
        RankedChannel[] channels =
        [
            new(1, "30", "zed", "Zed", "g1", "Game 1", 900),
            new(2, "10", "amy", "Amy", "g2", "Game 2", 500),
            new(3, "20", "bob", "Bob", string.Empty, string.Empty, 500),
        ];
        RankedGame[] games = [new(1, "g1", "Game 1", 900, 1), new(2, "g2", "Game 2", 500, 1)];

        await _store.WriteSlotAsync("s", new SlotRankings(S0, channels, games), CancellationToken.None);

        var read = await _store.ReadSlotAsync("s", S0, CancellationToken.None);
        read.ShouldNotBeNull();
        read.Slot.ShouldBe(S0);
        read.Channels.ShouldBe(channels);
        read.Games.ShouldBe(games);
    }

    [Fact]
    public async Task WriteSlotAsync_WhenTheSlotIsWrittenAgain_ShouldReplaceItAndLeaveOtherSlots()
    {
        await _store.WriteSlotAsync("s", new SlotRankings(S0, [new(1, "a", "a", "A", "g", "G", 5), new(2, "b", "b", "B", "g", "G", 4)], [new(1, "g", "G", 9, 2)]), CancellationToken.None);
        await _store.WriteSlotAsync("s", new SlotRankings(S0.AddMinutes(1), [new(1, "a", "a", "A", "g", "G", 6)], []), CancellationToken.None);

        await _store.WriteSlotAsync("s", new SlotRankings(S0, [new(1, "c", "c", "C", "h", "H", 3)], []), CancellationToken.None);

        var replaced = await _store.ReadSlotAsync("s", S0, CancellationToken.None);
        replaced.ShouldNotBeNull().Channels.ShouldBe([new RankedChannel(1, "c", "c", "C", "h", "H", 3)]);
        replaced.Games.ShouldBeEmpty();
        (await _store.ReadSlotAsync("s", S0.AddMinutes(1), CancellationToken.None)).ShouldNotBeNull().Channels.Single().Viewers.ShouldBe(6);
    }

    [Fact]
    public async Task ReadSlotAsync_WhenNothingWasWritten_ShouldReturnNullButAnEmptyWrittenSlotIsNotNull()
    {
        await _store.WriteSlotAsync("s", new SlotRankings(S0, [], []), CancellationToken.None);

        (await _store.ReadSlotAsync("s", S0.AddMinutes(1), CancellationToken.None)).ShouldBeNull();
        (await _store.ReadSlotAsync("t", S0, CancellationToken.None)).ShouldBeNull();
        var empty = await _store.ReadSlotAsync("s", S0, CancellationToken.None);
        empty.ShouldNotBeNull().Channels.ShouldBeEmpty();
        empty.Games.ShouldBeEmpty();
    }
}
