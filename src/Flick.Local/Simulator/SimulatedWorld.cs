using System.Globalization;

namespace Flick.Local.Simulator;

/// <summary>
/// A deterministic world of channels that go live and offline, switch games and gain and lose
/// viewers. Every value is a hash of (seed, channel, time), so any minute is computed directly and
/// the same seed always gives the same world. Pure: no clock, no I/O.
/// </summary>
public sealed class SimulatedWorld
{
    /// <summary>Quiet minutes at the start of a cycle, so that two sessions never touch.</summary>
    private const int CycleGapMinutes = 5;
    private const int MinSessionMinutes = 30;
    private const int MaxSessionMinutes = 480;

    /// <summary>How long the audience takes to build up after a stream starts.</summary>
    private const int RampMinutes = 20;
    private const int NoiseKnotMinutes = 15;

    /// <summary>Stream ids are <c>StreamIdBase + cycle × MaxChannels + channel</c>: unique per session.</summary>
    private const long StreamIdBase = 10_000_000_000;

    private readonly long _seed;
    private readonly IReadOnlyList<SimulatedGame> _games;
    private readonly double[] _gameCumulative;
    private readonly SimulatedChannel[] _channels;

    public SimulatedWorld(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _seed = options.Seed;
        _games = options.Games;
        _gameCumulative = WorldHash.Cumulative(_games.Select(g => g.Weight));
        _channels = SimulatedChannels.Create(options, _gameCumulative);
    }

    public int ChannelCount => _channels.Length;

    /// <summary>The UTC minute that contains <paramref name="at"/>.</summary>
    public static DateTimeOffset MinuteOf(DateTimeOffset at) =>
        DateTimeOffset.FromUnixTimeSeconds(FloorDiv(at.ToUnixTimeSeconds(), 60) * 60);

    /// <summary>
    /// The streams live during the UTC minute of <paramref name="minute"/>, viewers descending, then
    /// <c>user_id</c> ascending (ordinal) — the order Helix pages them in.
    /// </summary>
    public IReadOnlyList<SimulatedStream> Snapshot(DateTimeOffset minute)
    {
        var m = MinuteOf(minute).ToUnixTimeSeconds() / 60;
        var streams = new List<SimulatedStream>(_channels.Length / 2);
        foreach (var channel in _channels)
        {
            if (TryGetSession(channel, m, out var cycle, out var start))
            {
                streams.Add(Build(channel, m, cycle, start));
            }
        }

        streams.Sort(static (a, b) => b.ViewerCount != a.ViewerCount
            ? b.ViewerCount.CompareTo(a.ViewerCount)
            : string.CompareOrdinal(a.UserId, b.UserId));
        return streams;
    }

    /// <summary>At most one session per cycle of the channel; its start and length are drawn per cycle.</summary>
    private bool TryGetSession(SimulatedChannel channel, long minute, out long cycle, out long start)
    {
        var period = channel.PeriodMinutes;
        cycle = FloorDiv(minute - channel.PhaseMinutes, period);
        var h = WorldHash.Of(_seed, WorldSalt.Session, channel.Index, cycle);
        var length = (int)(period * channel.LiveShare * (0.6 + (0.8 * WorldHash.Unit(h))));
        length = Math.Clamp(length, MinSessionMinutes, Math.Min(MaxSessionMinutes, period - CycleGapMinutes));
        var slack = period - CycleGapMinutes - length;
        start = (cycle * period) + channel.PhaseMinutes + CycleGapMinutes + WorldHash.Below(WorldHash.Mix(h), slack + 1);
        return minute >= start && minute < start + length;
    }

    private SimulatedStream Build(SimulatedChannel channel, long minute, long cycle, long start)
    {
        var game = GameAt(channel, cycle, minute - start);
        var gameName = game is null ? "" : game.Name;
        var startSecond = 1 + WorldHash.Below(WorldHash.Of(_seed, WorldSalt.StartSecond, channel.Index, cycle), 59);
        return new SimulatedStream
        {
            Id = (StreamIdBase + (cycle * SimulatorOptions.MaxChannels) + channel.Index).ToString(CultureInfo.InvariantCulture),
            UserId = channel.UserId,
            UserLogin = channel.Login,
            UserName = channel.DisplayName,
            GameId = game?.Id ?? "",
            GameName = gameName,
            Title = Title(channel, cycle, gameName),
            Tags = channel.Tags,
            ViewerCount = Viewers(channel, minute, minute - start),
            // Started a little before its first whole minute, so it is live at that minute's start.
            StartedAt = DateTimeOffset.FromUnixTimeSeconds((start * 60) - startSecond),
            Language = channel.Language,
            ThumbnailUrl = channel.ThumbnailUrl,
            IsMature = channel.IsMature,
        };
    }

    /// <summary>A session is cut in segments of 40–240 minutes; each segment may switch game.</summary>
    private SimulatedGame? GameAt(SimulatedChannel channel, long cycle, long minutesIn)
    {
        if (channel.MainGame < 0)
        {
            return null;
        }

        var segmentLength = 40 + WorldHash.Below(WorldHash.Of(_seed, WorldSalt.Segment, channel.Index, cycle), 201);
        var segment = minutesIn / segmentLength;
        var h = WorldHash.Of(_seed, WorldSalt.Game, channel.Index, (cycle * 64) + segment);
        return WorldHash.Unit(h) < 0.65 ? _games[channel.MainGame] : _games[WorldHash.Weighted(WorldHash.Mix(h), _gameCumulative)];
    }

    private string Title(SimulatedChannel channel, long cycle, string gameName)
    {
        var h = WorldHash.Of(_seed, WorldSalt.Title, channel.Index, cycle);
        if (gameName.Length == 0)
        {
            return WorldVocabulary.UncategorisedTitles[WorldHash.Below(h, WorldVocabulary.UncategorisedTitles.Length)];
        }

        var patterns = WorldVocabulary.LocalTitles.TryGetValue(channel.Language, out var local) && WorldHash.Below(h >> 40, 2) == 0
            ? local
            : WorldVocabulary.Titles;
        var number = 1 + WorldHash.Below(h >> 20, 99);
        return string.Format(CultureInfo.InvariantCulture, patterns[WorldHash.Below(h, patterns.Length)], gameName, number);
    }

    /// <summary>Popularity × time of day × a slow drift × a ramp after going live × a little minute noise.</summary>
    private int Viewers(SimulatedChannel channel, long minute, long minutesIn)
    {
        var hourOfDay = (double)FloorMod(minute, 1440) / 60;
        var diurnal = 0.55 + (0.45 * Math.Cos(2 * Math.PI * (hourOfDay - channel.PeakHourUtc) / 24));
        var knot = FloorDiv(minute, NoiseKnotMinutes);
        var a = WorldHash.Unit(WorldHash.Of(_seed, WorldSalt.Noise, channel.Index, knot));
        var b = WorldHash.Unit(WorldHash.Of(_seed, WorldSalt.Noise, channel.Index, knot + 1));
        var t = (double)FloorMod(minute, NoiseKnotMinutes) / NoiseKnotMinutes;
        var drift = 0.8 + (0.4 * (a + ((b - a) * t * t * (3 - (2 * t)))));
        var ramp = Math.Min(1.0, 0.4 + (0.6 * (minutesIn + 1) / RampMinutes));
        var jitter = 0.97 + (0.06 * WorldHash.Unit(WorldHash.Of(_seed, WorldSalt.Jitter, channel.Index, minute)));
        return (int)Math.Round(channel.Popularity * diurnal * drift * ramp * jitter);
    }

    private static long FloorDiv(long a, long b) => (a / b) - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);

    private static long FloorMod(long a, long b) => a - (FloorDiv(a, b) * b);
}
