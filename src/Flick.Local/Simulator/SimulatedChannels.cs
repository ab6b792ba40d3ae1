using System.Globalization;

namespace Flick.Local.Simulator;

/// <summary>Draws the fixed traits of every channel of a world from its seed.</summary>
internal static class SimulatedChannels
{
    /// <summary>Viewers of the most popular channel at its peak hour.</summary>
    private const double TopPopularity = 90_000;

    /// <summary>Zipf exponent: with 2,000 channels the tail lands in single digits.</summary>
    private const double ZipfExponent = 1.25;

    private const double NoTagsShare = 0.15;
    private const double MatureShare = 0.2;
    private const double LocalNameShare = 0.25;

    public static SimulatedChannel[] Create(SimulatorOptions options, double[] gameCumulative)
    {
        var seed = options.Seed;
        var languageCumulative = WorldHash.Cumulative(WorldVocabulary.Languages.Select(l => l.Share));
        var ranks = PopularityRanks(seed, options.Channels);
        var logins = new HashSet<string>(StringComparer.Ordinal);
        var channels = new SimulatedChannel[options.Channels];
        for (var c = 0; c < channels.Length; c++)
        {
            var language = WorldVocabulary.Languages[WorldHash.Weighted(WorldHash.Of(seed, WorldSalt.Language, c), languageCumulative)];
            var (login, displayName) = Names(seed, c, language.Code, logins);
            var rhythm = WorldHash.Of(seed, WorldSalt.Rhythm, c);
            var period = 120 + WorldHash.Below(rhythm, 601);
            var uncategorised = WorldHash.Unit(WorldHash.Of(seed, WorldSalt.Uncategorised, c)) < options.UncategorisedShare;
            channels[c] = new SimulatedChannel
            {
                Index = c,
                UserId = (20_000_000L + (c * 1000L) + WorldHash.Below(WorldHash.Of(seed, WorldSalt.Login, c, 1), 1000))
                    .ToString(CultureInfo.InvariantCulture),
                Login = login,
                DisplayName = displayName,
                Language = language.Code,
                PeakHourUtc = language.PeakHourUtc,
                Popularity = TopPopularity / Math.Pow(ranks[c], ZipfExponent),
                MainGame = uncategorised ? -1 : WorldHash.Weighted(WorldHash.Of(seed, WorldSalt.MainGame, c), gameCumulative),
                IsMature = WorldHash.Unit(WorldHash.Of(seed, WorldSalt.Mature, c)) < MatureShare,
                Tags = Tags(seed, c, language.Code),
                PeriodMinutes = period,
                PhaseMinutes = WorldHash.Below(WorldHash.Mix(rhythm), period),
                LiveShare = 0.3 + (0.3 * WorldHash.Unit(WorldHash.Mix(WorldHash.Mix(rhythm)))),
                ThumbnailUrl = $"https://static-cdn.jtvnw.net/previews-ttv/live_user_{login}-{{width}}x{{height}}.jpg",
            };
        }

        return channels;
    }

    /// <summary>A seeded permutation: rank 1 is the most popular channel.</summary>
    private static int[] PopularityRanks(long seed, int count)
    {
        var order = Enumerable.Range(0, count).OrderBy(c => WorldHash.Of(seed, WorldSalt.Rank, c)).ToArray();
        var ranks = new int[count];
        for (var position = 0; position < order.Length; position++)
        {
            ranks[order[position]] = position + 1;
        }

        return ranks;
    }

    private static (string Login, string DisplayName) Names(long seed, int c, string language, HashSet<string> taken)
    {
        var h = WorldHash.Of(seed, WorldSalt.Login, c);
        var head = WorldVocabulary.LoginHeads[WorldHash.Below(h, WorldVocabulary.LoginHeads.Length)];
        var tail = WorldVocabulary.LoginTails[WorldHash.Below(h >> 16, WorldVocabulary.LoginTails.Length)];
        var digits = WorldHash.Below(h >> 32, 10) < 4 ? (1 + WorldHash.Below(h >> 40, 999)).ToString(CultureInfo.InvariantCulture) : "";
        var login = head + tail + digits;
        var camel = Capitalise(head) + Capitalise(tail) + digits;
        if (!taken.Add(login))
        {
            login = $"{head}_{tail}{c.ToString(CultureInfo.InvariantCulture)}";
            camel = Capitalise(login);
            taken.Add(login);
        }

        var n = WorldHash.Of(seed, WorldSalt.Name, c);
        if (WorldVocabulary.LocalNames.TryGetValue(language, out var local) && WorldHash.Unit(n) < LocalNameShare)
        {
            return (login, local[WorldHash.Below(n >> 8, local.Length)]);
        }

        var style = WorldHash.Below(n >> 16, 10);
        var displayName = style switch
        {
            < 6 => Capitalise(login),
            < 9 => camel,
            _ => login,
        };
        return (login, displayName);
    }

    private static string Capitalise(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static string[]? Tags(long seed, int c, string language)
    {
        var h = WorldHash.Of(seed, WorldSalt.Tags, c);
        if (WorldHash.Unit(h) < NoTagsShare)
        {
            return null;
        }

        var tags = new List<string> { WorldVocabulary.LanguageTags[language] };
        var extra = WorldHash.Below(h >> 8, 4);
        for (var i = 0; i < extra; i++)
        {
            var tag = WorldVocabulary.TagPool[WorldHash.Below(WorldHash.Mix(h + (ulong)i), WorldVocabulary.TagPool.Length)];
            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }

        return [.. tags];
    }
}
