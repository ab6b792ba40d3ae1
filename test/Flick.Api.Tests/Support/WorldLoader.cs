using Flick.Api.Tests.Fakes;
using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;
using Flick.Core.Domain.Runs;

namespace Flick.Api.Tests.Support;

/// <summary>Fills the fake stores from a world with plain LINQ, the way the pipeline's steps would have stored it.</summary>
public static class WorldLoader
{
    public static void Load(World world, FakeViewerMetricsStore viewers, FakeRankingStore rankings, FakeChannelProfileStore profiles, FakeRunStore runs)
    {
        var obs = world.Observations;
        var channels = obs.Select(o => new ChannelSlotMetric(Slot.Of(o.Slot), o.User, o.Game, o.Viewers, o.Stream, o.StartedAt));
        var games = obs.Where(o => o.Game != "").GroupBy(o => (o.Slot, o.Game))
            .Select(g => new GameSlotMetric(Slot.Of(g.Key.Slot), g.Key.Game, g.First().GameName, g.Sum(o => (long)o.Viewers), g.Count())).ToList();
        var totals = world.SampledSlots.Select(s =>
        {
            var inSlot = obs.Where(o => o.Slot == s).ToList();
            return new SlotTotals(Slot.Of(s), inSlot.Sum(o => (long)o.Viewers), inSlot.Count, inSlot.Where(o => o.Game != "").Select(o => o.Game).Distinct().Count());
        });
        viewers.Load(channels, games, totals);

        foreach (var slot in world.SampledSlots)
        {
            var inSlot = obs.Where(o => o.Slot == slot).ToList();
            var rankedChannels = inSlot.OrderByDescending(o => o.Viewers).ThenBy(o => o.User, StringComparer.Ordinal).Take(100)
                .Select((o, i) => new RankedChannel(i + 1, o.User, o.Login, o.Name, o.Game, o.GameName, o.Viewers)).ToList();
            var rankedGames = games.Where(g => g.Slot == Slot.Of(slot)).OrderByDescending(g => g.Viewers).ThenByDescending(g => g.Channels)
                .ThenBy(g => g.GameId, StringComparer.Ordinal).Take(100).Select((g, i) => new RankedGame(i + 1, g.GameId, g.GameName, g.Viewers, g.Channels)).ToList();
            rankings.Slots[Slot.Of(slot)] = new SlotRankings(Slot.Of(slot), rankedChannels, rankedGames);
        }

        foreach (var user in obs.GroupBy(o => o.User))
        {
            var latest = user.OrderBy(o => o.Slot).Last();
            var peak = user.OrderByDescending(o => o.Viewers).ThenBy(o => o.Slot).First();
            profiles.Profiles[user.Key] = new ChannelProfile
            {
                UserId = user.Key, UserLogin = latest.Login, UserName = latest.Name, Language = "en", Title = latest.Title,
                GameId = latest.Game, GameName = latest.GameName, StreamId = latest.Stream, StartedAt = latest.StartedAt,
                LastAt = latest.Slot, FirstSeen = Slot.Of(user.Min(o => o.Slot)), LastSeen = Slot.Of(latest.Slot),
                PeakViewers = peak.Viewers, PeakSlot = Slot.Of(peak.Slot),
            };
        }

        runs.PutAsync(new RunRecord
        {
            RunId = "sim-backfill", SeriesId = World.Series, Status = RunStatus.Succeeded, From = Slot.Of(World.Start),
            To = Slot.Of(World.Start).AddMinutes(World.Minutes), Slots = world.SampledSlots.Count, CreatedAt = World.Start,
        }, CancellationToken.None).GetAwaiter().GetResult();
    }
}
