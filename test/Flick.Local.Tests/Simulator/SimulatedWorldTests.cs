using System.Text.RegularExpressions;
using Flick.Local.Simulator;

namespace Flick.Local.Tests.Simulator;

public class SimulatedWorldTests
{
    private static readonly DateTimeOffset Noon = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly SimulatedWorld World = new(new SimulatorOptions { Seed = 7 });

    [Fact]
    public void Snapshot_WhenSameSeedAndMinute_ShouldBeEqual()
    {
        var again = new SimulatedWorld(new SimulatorOptions { Seed = 7 });

        again.Snapshot(Noon).Select(Describe).ShouldBe(World.Snapshot(Noon).Select(Describe));
    }

    [Fact]
    public void Snapshot_WhenOtherSeed_ShouldDiffer()
    {
        var other = new SimulatedWorld(new SimulatorOptions { Seed = 8 });

        other.Snapshot(Noon).Select(s => s.UserLogin).ShouldNotBe(World.Snapshot(Noon).Select(s => s.UserLogin));
    }

    [Fact]
    public void Snapshot_WhenSecondsWithinTheMinute_ShouldBeTheMinutesSnapshot()
    {
        World.Snapshot(Noon.AddSeconds(59)).Select(Describe).ShouldBe(World.Snapshot(Noon).Select(Describe));
    }

    [Fact]
    public void Snapshot_ShouldBeSortedByViewersDescThenUserIdOrdinal()
    {
        var streams = World.Snapshot(Noon);

        var expected = streams.OrderByDescending(s => s.ViewerCount).ThenBy(s => s.UserId, StringComparer.Ordinal).Select(s => s.UserId);
        streams.Select(s => s.UserId).ShouldBe(expected);
    }

    [Fact]
    public void Snapshot_ShouldHaveUniqueUsersAndStreams()
    {
        var streams = World.Snapshot(Noon);

        streams.Select(s => s.UserId).Distinct().Count().ShouldBe(streams.Count);
        streams.Select(s => s.Id).Distinct().Count().ShouldBe(streams.Count);
    }

    [Fact]
    public void Snapshot_ShouldHaveHelixShapedFields()
    {
        var streams = World.Snapshot(Noon);

        streams.ShouldAllBe(s => s.Id.All(char.IsAsciiDigit) && s.UserId.All(char.IsAsciiDigit));
        streams.ShouldAllBe(s => Regex.IsMatch(s.UserLogin, "^[a-z0-9_]+$"));
        streams.ShouldAllBe(s => s.Type == "live" && s.StartedAt < Noon && s.ViewerCount >= 0);
        streams.ShouldAllBe(s => s.ThumbnailUrl.EndsWith("-{width}x{height}.jpg"));
        streams.ShouldAllBe(s => s.GameId.Length == 0 ? s.GameName.Length == 0 : s.GameId.All(char.IsAsciiDigit) && s.GameName.Length > 0);
        streams.ShouldContain(s => s.Tags == null);
        streams.ShouldContain(s => s.Tags != null);
        streams.ShouldContain(s => s.IsMature);
        streams.ShouldContain(s => s.UserName.Any(c => c > 127), "some display names are in Japanese, Korean or accented letters");
    }

    [Fact]
    public void Snapshot_ShouldLeaveAboutThreePercentUncategorised()
    {
        var streams = World.Snapshot(Noon);

        // 3 % of about 900 live channels: 27 ± 5; 1 %..6 % is far outside the noise.
        var share = streams.Count(s => s.GameId.Length == 0) / (double)streams.Count;
        share.ShouldBeInRange(0.01, 0.06);
    }

    [Fact]
    public void Snapshot_ShouldBeZipfLike()
    {
        var day = Enumerable.Range(0, 24).Select(h => World.Snapshot(Noon.AddHours(h))).ToList();
        var streams = day[0];

        // Top 1 % of live channels hold a large share of all viewers (Zipf), the tail has single digits.
        var total = streams.Sum(s => (long)s.ViewerCount);
        var top = streams.OrderByDescending(s => s.ViewerCount).Take(streams.Count / 100).Sum(s => (long)s.ViewerCount);
        (top / (double)total).ShouldBeGreaterThan(0.3);
        day.Max(snapshot => snapshot.Max(s => s.ViewerCount)).ShouldBeGreaterThan(20_000);
        streams.Count(s => s.ViewerCount < 10).ShouldBeGreaterThan(streams.Count / 10);
    }

    [Fact]
    public void Snapshot_ShouldKeepChannelsLiveForAShareOfTheDay()
    {
        var minutes = Enumerable.Range(0, 24 * 6).Select(i => Noon.AddMinutes(i * 10)).ToList();

        var liveChannelMinutes = minutes.Sum(m => World.Snapshot(m).Count);

        // Each channel is live 30–60 % of its minutes, so the world is too.
        var share = liveChannelMinutes / (double)(minutes.Count * World.ChannelCount);
        share.ShouldBeInRange(0.3, 0.6);
    }

    [Fact]
    public void Snapshot_OverTwoHours_ShouldStartAndEndSessionsAndSwitchGames()
    {
        var snapshots = Enumerable.Range(0, 121).Select(i => World.Snapshot(Noon.AddMinutes(i)).ToDictionary(s => s.Id)).ToList();
        int started = 0, ended = 0, switched = 0, changedViewers = 0;

        for (var i = 1; i < snapshots.Count; i++)
        {
            var (before, after) = (snapshots[i - 1], snapshots[i]);
            started += after.Keys.Count(id => !before.ContainsKey(id));
            ended += before.Keys.Count(id => !after.ContainsKey(id));
            switched += after.Values.Count(s => before.TryGetValue(s.Id, out var b) && b.GameId != s.GameId);
            changedViewers += after.Values.Count(s => before.TryGetValue(s.Id, out var b) && b.ViewerCount != s.ViewerCount);
        }

        started.ShouldBeGreaterThan(0);
        ended.ShouldBeGreaterThan(0);
        switched.ShouldBeGreaterThan(0);
        changedViewers.ShouldBeGreaterThan(snapshots[0].Count);
    }

    [Fact]
    public void Snapshot_ShouldKeepSessionsBetweenHalfAnHourAndEightHours()
    {
        var firstSeen = new Dictionary<string, int>();
        var lastSeen = new Dictionary<string, int>();
        const int window = 24 * 60;
        var world = new SimulatedWorld(new SimulatorOptions { Seed = 7, Channels = 200 });
        for (var minute = 0; minute < window; minute++)
        {
            foreach (var stream in world.Snapshot(Noon.AddMinutes(minute)))
            {
                firstSeen.TryAdd(stream.Id, minute);
                lastSeen[stream.Id] = minute;
            }
        }

        // Only sessions seen start and end inside the window have a known length.
        var lengths = firstSeen.Keys.Where(id => firstSeen[id] > 0 && lastSeen[id] < window - 1)
            .Select(id => lastSeen[id] - firstSeen[id] + 1).ToList();
        lengths.Count.ShouldBeGreaterThan(50);
        lengths.ShouldAllBe(length => length >= 30 && length <= 480);
    }

    [Fact]
    public void Snapshot_ShouldKeepStartedAtAndStreamIdForTheWholeSession()
    {
        var before = World.Snapshot(Noon).ToDictionary(s => s.Id);
        var after = World.Snapshot(Noon.AddMinutes(10));

        var continuing = after.Where(s => before.ContainsKey(s.Id)).ToList();
        continuing.ShouldNotBeEmpty();
        continuing.ShouldAllBe(s => s.StartedAt == before[s.Id].StartedAt && s.UserId == before[s.Id].UserId);
    }

    /// <summary>Every field, tags included by value (records compare lists by reference).</summary>
    private static string Describe(SimulatedStream s) =>
        string.Join('|', s.Id, s.UserId, s.UserLogin, s.UserName, s.GameId, s.GameName, s.Type, s.Title,
            s.Tags is null ? "null" : string.Join(',', s.Tags), s.ViewerCount, s.StartedAt, s.Language, s.ThumbnailUrl, s.IsMature);
}
