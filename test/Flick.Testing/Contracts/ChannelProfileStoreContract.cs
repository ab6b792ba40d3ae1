using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;
using Flick.Core.Ports;
using Shouldly;
using Xunit;

namespace Flick.Testing.Contracts;

/// <summary>The behaviour every <see cref="IChannelProfileStore"/> adapter has; run once per adapter.</summary>
public abstract class ChannelProfileStoreContract
{
    private static readonly Slot S0 = Slot.Parse("2024-05-01T12:00Z");

    private static readonly ChannelProfile First = Profile(S0, 10, "alpha_old", "first", 50) with { Language = "en", GameId = "g1", GameName = "Game One", StreamId = "st-1" };
    private static readonly ChannelProfile Latest = Profile(S0.AddMinutes(5), 20, "alpha", "second", 80) with { Language = "de", GameId = "g2", GameName = "Game Two", StreamId = "st-2" };
    private static readonly ChannelProfile Middle = Profile(S0.AddMinutes(3), 5, "alpha_mid", "middle", 80) with { Language = "en", GameId = "g1", GameName = "Game One", StreamId = "st-1" };

    private readonly string _series = TablesScope.Unique("s");

    protected abstract IChannelProfileStore Store { get; }

    public static TheoryData<int, int, int> Orders => new() { { 0, 1, 2 }, { 0, 2, 1 }, { 1, 0, 2 }, { 1, 2, 0 }, { 2, 0, 1 }, { 2, 1, 0 } };

    /// <summary>
    /// By hand: the descriptive fields come from the latest slot (Latest, +5 min); first seen is the
    /// earliest slot (First, +0); the peak 80 is reached at +3 (Middle) and +5 (Latest), and the
    /// earliest of them, +3, is kept.
    /// </summary>
    private static ChannelProfile Expected => new()
    {
        UserId = "42",
        UserLogin = "alpha",
        UserName = "ALPHA",
        Language = "de",
        Title = "second",
        GameId = "g2",
        GameName = "Game Two",
        StreamId = "st-2",
        StartedAt = S0.AddMinutes(5).Start.AddHours(-1),
        LastAt = S0.AddMinutes(5).Start.AddSeconds(20),
        FirstSeen = S0,
        LastSeen = S0.AddMinutes(5),
        PeakViewers = 80,
        PeakSlot = S0.AddMinutes(3),
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task MergeAsync_WhenTheSameUpdatesComeInAnyOrder_ShouldStoreTheSameProfile(int a, int b, int c)
    {
        ChannelProfile[] updates = [First, Latest, Middle];
        ChannelProfile[] ordered = [updates[a], updates[b], updates[c]];

        foreach (var update in ordered)
        {
            await Store.MergeAsync(_series + "-one-by-one", [update], CancellationToken.None);
        }

        await Store.MergeAsync(_series + "-one-batch", ordered, CancellationToken.None);

        (await Store.GetAsync(_series + "-one-by-one", "42", CancellationToken.None)).ShouldBe(Expected);
        (await Store.GetAsync(_series + "-one-batch", "42", CancellationToken.None)).ShouldBe(Expected);
    }

    [Fact]
    public async Task MergeAsync_WhenMergedAgain_ShouldChangeNothing()
    {
        await Store.MergeAsync(_series, [First, Latest, Middle], CancellationToken.None);

        await Store.MergeAsync(_series, [Middle, First], CancellationToken.None);
        await Store.MergeAsync(_series, [], CancellationToken.None);

        (await Store.GetAsync(_series, "42", CancellationToken.None)).ShouldBe(Expected);
        (await Store.GetAsync(_series, "43", CancellationToken.None)).ShouldBeNull();
        (await Store.GetAsync(_series + "-other", "42", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task MergeAsync_WhenAProfileHasNoStartAndEmptyFields_ShouldReadBackEqual()
    {
        var bare = new ChannelProfile { UserId = "7", LastAt = S0.Start.AddTicks(3), FirstSeen = S0, LastSeen = S0, PeakSlot = S0 };

        await Store.MergeAsync(_series, [bare], CancellationToken.None);

        (await Store.GetAsync(_series, "7", CancellationToken.None)).ShouldBe(bare);
    }

    [Fact]
    public async Task MergeAsync_WhenEightTasksMergeOverlappingBatchesAtOnce_ShouldLoseNoUpdate()
    {
        const int users = 60;
        var merges = Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            var batch = Enumerable.Range(0, users)
                .Select(u => Profile(S0.AddMinutes(i), 0, "user" + u, "title " + i, 100 + i) with { UserId = "u" + u })
                .ToArray();
            return Store.MergeAsync(_series, batch, CancellationToken.None);
        }));

        await Task.WhenAll(merges);

        // Every user: first seen at +0 (task 0), the rest from task 7's batch (+7), which also has the most viewers (107).
        for (var u = 0; u < users; u++)
        {
            var profile = await Store.GetAsync(_series, "u" + u, CancellationToken.None);
            profile.ShouldNotBeNull();
            (profile.FirstSeen, profile.LastSeen, profile.Title, profile.PeakViewers, profile.PeakSlot)
                .ShouldBe((S0, S0.AddMinutes(7), "title 7", 107, S0.AddMinutes(7)));
        }
    }

    [Fact]
    public async Task MergeAsync_WhenTwoUpdatesShareTheLastSlot_ShouldTakeTheFieldsOfTheLaterAt()
    {
        // Same slot: the one observed 40 s into it is later than the one 10 s in, whichever comes first.
        var early = Profile(S0, 10, "early", "early title", 30);
        var late = Profile(S0, 40, "late", "late title", 20);

        await Store.MergeAsync(_series + "-a", [late], CancellationToken.None);
        await Store.MergeAsync(_series + "-a", [early], CancellationToken.None);
        await Store.MergeAsync(_series + "-b", [early], CancellationToken.None);
        await Store.MergeAsync(_series + "-b", [late], CancellationToken.None);

        foreach (var series in new[] { _series + "-a", _series + "-b" })
        {
            var profile = await Store.GetAsync(series, "42", CancellationToken.None);
            profile.ShouldNotBeNull();
            (profile.UserLogin, profile.Title, profile.LastAt, profile.PeakViewers).ShouldBe(("late", "late title", S0.Start.AddSeconds(40), 30));
        }
    }

    [Fact]
    public async Task MergeAsync_WhenManyRandomBatchesAreMerged_ShouldEqualTheFoldOfProfileMerge()
    {
        var random = new Random(6);
        var updates = Enumerable.Range(0, 400).Select(i =>
        {
            var slot = S0.AddMinutes(random.Next(30));
            var update = Profile(slot, random.Next(60), "login" + random.Next(5), "title" + random.Next(1000), random.Next(4) * 10);
            return update with
            {
                UserId = "r" + random.Next(12),
                LastAt = update.LastAt.AddTicks(i),   // no two updates of a user at the same instant
                StartedAt = random.Next(3) == 0 ? null : slot.Start.AddMinutes(-random.Next(90)),
            };
        }).ToList();

        for (var i = 0; i < updates.Count;)
        {
            var size = random.Next(1, 40);
            await Store.MergeAsync(_series, updates.Skip(i).Take(size).ToList(), CancellationToken.None);
            i += size;
        }

        // The rule, folded in the process in the order the updates were generated.
        foreach (var user in updates.GroupBy(u => u.UserId))
        {
            var expected = user.Aggregate(Flick.Core.Semantics.ProfileMerge.Merge);
            (await Store.GetAsync(_series, user.Key, CancellationToken.None)).ShouldBe(expected);
        }
    }

    [Fact]
    public async Task SearchAsync_WhenTextHasLikeWildcards_ShouldMatchThemLiterally()
    {
        await Store.MergeAsync(
            _series,
            [Named("2", "100%pure", "Hundred", 30), Named("3", "100xpure", "Hundred X", 40), Named("4", "a_b", "Under", 5), Named("5", "axb", "AXB", 50)],
            CancellationToken.None);

        (await SearchIdsAsync("%")).ShouldBe(["2"]);
        (await SearchIdsAsync("100%")).ShouldBe(["2"]);
        (await SearchIdsAsync("_")).ShouldBe(["4"]);
        (await SearchIdsAsync("a_b")).ShouldBe(["4"]);
        (await SearchIdsAsync("a\\b")).ShouldBeEmpty();
    }

    [Fact]
    public async Task SearchAsync_WhenManyMatch_ShouldMatchLoginOrNameIgnoringCaseByPeakThenUserIdUpToTheLimit()
    {
        await Store.MergeAsync(
            _series,
            [Named("1", "alpha", "Alpha", 10), Named("3", "zeta", "Alphabet Soup", 40), Named("7", "tie", "ALPHA tie", 40), Named("6", "ÉCOLE", "École", 20)],
            CancellationToken.None);
        await Store.MergeAsync(_series + "-other", [Named("9", "alpha", "Alpha", 99)], CancellationToken.None);

        (await SearchIdsAsync("ALPH")).ShouldBe(["3", "7", "1"]);
        (await SearchIdsAsync("alph", limit: 2)).ShouldBe(["3", "7"]);
        (await SearchIdsAsync("alph", limit: 0)).ShouldBeEmpty();
        (await SearchIdsAsync("école")).ShouldBe(["6"]);
        (await SearchIdsAsync("soup")).ShouldBe(["3"]);
        (await SearchIdsAsync("nobody")).ShouldBeEmpty();
    }

    private async Task<IEnumerable<string>> SearchIdsAsync(string text, int limit = 10) =>
        (await Store.SearchAsync(_series, text, limit, CancellationToken.None)).Select(p => p.UserId);

    private static ChannelProfile Named(string id, string login, string name, int peak) =>
        Profile(S0, 0, login, "t", peak) with { UserId = id, UserName = name };

    private static ChannelProfile Profile(Slot slot, int secondsIntoSlot, string login, string title, int viewers) => new()
    {
        UserId = "42",
        UserLogin = login,
        UserName = login.ToUpperInvariant(),
        Title = title,
        StartedAt = slot.Start.AddHours(-1),
        LastAt = slot.Start.AddSeconds(secondsIntoSlot),
        FirstSeen = slot,
        LastSeen = slot,
        PeakViewers = viewers,
        PeakSlot = slot,
    };
}
