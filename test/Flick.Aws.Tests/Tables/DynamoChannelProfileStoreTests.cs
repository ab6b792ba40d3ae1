using Flick.Aws.Tables;
using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;

namespace Flick.Aws.Tests.Tables;

[Trait("Category", "Integration")]
public sealed class DynamoChannelProfileStoreTests(DynamoTablesFixture tables) : IClassFixture<DynamoTablesFixture>, IDisposable
{
    private static readonly Slot S0 = Slot.Parse("2024-05-01T12:00Z");

    private readonly ProbeDynamoClient _probe = new();
    private readonly string _series = "s-" + Guid.NewGuid().ToString("N")[..12];

    public void Dispose() => _probe.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task MergeAsync_WhenAnotherMergeWritesBetweenTheReadAndTheWrite_ShouldMergeOntoItAndLoseNothing(bool storedBefore)
    {
        var plain = new DynamoChannelProfileStore(tables.Client, tables.Options);
        if (storedBefore)
        {
            await plain.MergeAsync(_series, [Profile(S0, "first", 10)], CancellationToken.None);
        }

        var puts = 0;
        _probe.BeforePut = async _ =>
        {
            if (Interlocked.Increment(ref puts) == 1)
            {
                // Lands after this merge read the profile and before it writes.
                await plain.MergeAsync(_series, [Profile(S0.AddMinutes(9), "competitor", 30)], CancellationToken.None);
            }
        };

        await new DynamoChannelProfileStore(_probe, tables.Options).MergeAsync(_series, [Profile(S0.AddMinutes(4), "mine", 90)], CancellationToken.None);

        // By hand: first seen +0 if stored before (else +4), the latest observation is the competitor's
        // (+9), the peak is this merge's 90 at +4. Two puts: the one that lost, the one that merged again.
        var profile = (await plain.GetAsync(_series, "42", CancellationToken.None)).ShouldNotBeNull();
        (profile.FirstSeen, profile.LastSeen, profile.Title, profile.PeakViewers, profile.PeakSlot)
            .ShouldBe((storedBefore ? S0 : S0.AddMinutes(4), S0.AddMinutes(9), "competitor", 90, S0.AddMinutes(4)));
        puts.ShouldBe(2);
    }

    private static ChannelProfile Profile(Slot slot, string title, int viewers) => new()
    {
        UserId = "42",
        UserLogin = "alpha",
        UserName = "Alpha",
        Title = title,
        LastAt = slot.Start.AddSeconds(1),
        FirstSeen = slot,
        LastSeen = slot,
        PeakViewers = viewers,
        PeakSlot = slot,
    };
}
