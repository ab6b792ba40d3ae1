using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;
using Flick.Core.Ports;
using Shouldly;
using Xunit;

namespace Flick.Testing.Contracts;

/// <summary>The behaviour every <see cref="IRankingStore"/> adapter has; run once per adapter.</summary>
public abstract class RankingStoreContract
{
    private static readonly Slot S0 = Slot.Parse("2024-05-01T12:00Z");

    private readonly string _series = TablesScope.Unique("s");

    protected abstract IRankingStore Store { get; }

    [Fact]
    public async Task WriteSlotAsync_WhenReadBack_ShouldReturnBothListsInRankOrder()
    {
        RankedChannel[] channels =
        [
            new(1, "30", "zed", "Zed", "g1", "Game 1", 900),
            new(2, "10", "amy", "Amy \"é\"", "g2", "Game 2", 500),
            new(3, "20", "bob", "Bob", string.Empty, string.Empty, 500),
        ];
        RankedGame[] games = [new(1, "g1", "Game 1", 9_000_000_000, 1), new(2, "g2", "Game 2", 500, 1)];

        await Store.WriteSlotAsync(_series, new SlotRankings(S0, channels, games), CancellationToken.None);

        var read = await Store.ReadSlotAsync(_series, S0, CancellationToken.None);
        read.ShouldNotBeNull();
        read.Slot.ShouldBe(S0);
        read.Channels.ShouldBe(channels);
        read.Games.ShouldBe(games);
    }

    [Fact]
    public async Task WriteSlotAsync_WhenTheSlotIsWrittenAgain_ShouldReplaceItAndLeaveOtherSlots()
    {
        await Store.WriteSlotAsync(_series, new SlotRankings(S0, [new(1, "a", "a", "A", "g", "G", 5), new(2, "b", "b", "B", "g", "G", 4)], [new(1, "g", "G", 9, 2)]), CancellationToken.None);
        await Store.WriteSlotAsync(_series, new SlotRankings(S0.AddMinutes(1), [new(1, "a", "a", "A", "g", "G", 6)], []), CancellationToken.None);

        await Store.WriteSlotAsync(_series, new SlotRankings(S0, [new(1, "c", "c", "C", "h", "H", 3)], []), CancellationToken.None);

        var replaced = await Store.ReadSlotAsync(_series, S0, CancellationToken.None);
        replaced.ShouldNotBeNull().Channels.ShouldBe([new RankedChannel(1, "c", "c", "C", "h", "H", 3)]);
        replaced.Games.ShouldBeEmpty();
        (await Store.ReadSlotAsync(_series, S0.AddMinutes(1), CancellationToken.None)).ShouldNotBeNull().Channels.Single().Viewers.ShouldBe(6);
    }

    [Fact]
    public async Task ReadSlotAsync_WhenNothingWasWritten_ShouldReturnNullButAnEmptyWrittenSlotIsNotNull()
    {
        await Store.WriteSlotAsync(_series, new SlotRankings(S0, [], []), CancellationToken.None);

        (await Store.ReadSlotAsync(_series, S0.AddMinutes(1), CancellationToken.None)).ShouldBeNull();
        (await Store.ReadSlotAsync(_series + "-other", S0, CancellationToken.None)).ShouldBeNull();
        var empty = await Store.ReadSlotAsync(_series, S0, CancellationToken.None);
        empty.ShouldNotBeNull().Channels.ShouldBeEmpty();
        empty.Games.ShouldBeEmpty();
    }

    [Fact]
    public async Task WriteSlotAsync_WhenTheTopHundredIsWritten_ShouldReadBackEveryPlace()
    {
        // A full default ranking, with names as long as Twitch allows (25 characters).
        var channels = Enumerable.Range(1, 100)
            .Select(i => new RankedChannel(i, "user" + i, "login_of_twenty_five_ch" + i % 10, "Display Name Of Twenty5 " + i % 10, "game" + i % 7, "A Game Name That Is Rather Long " + i % 7, 100_000 - i))
            .ToArray();
        var games = Enumerable.Range(1, 100).Select(i => new RankedGame(i, "game" + i, "Game " + i, 1_000_000 - i, i)).ToArray();

        await Store.WriteSlotAsync(_series, new SlotRankings(S0, channels, games), CancellationToken.None);

        var read = (await Store.ReadSlotAsync(_series, S0, CancellationToken.None)).ShouldNotBeNull();
        read.Channels.ShouldBe(channels);
        read.Games.ShouldBe(games);
    }
}
