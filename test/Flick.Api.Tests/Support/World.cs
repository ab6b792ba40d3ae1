using Flick.Core.Domain;

namespace Flick.Api.Tests.Support;

/// <summary>
/// A generated series: channels seen in some minutes, on a few games (and some uncategorised), with
/// a gap of minutes without any sample. Observations are already one per (slot, user), as the
/// stores hold them after de-duplication.
/// </summary>
public sealed class World
{
    public const string Series = "sim";
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);
    public const int Minutes = 180;

    public sealed record Obs(DateTimeOffset Slot, string User, string Login, string Name, string Game, string GameName, int Viewers, string Stream, DateTimeOffset StartedAt, string Title);

    public World(int seed = 7, int channels = 40, int viewerScale = 1)
    {
        var random = new Random(seed);
        var games = new[] { ("509658", "Just Chatting"), ("32982", "Grand Theft Auto V"), ("21779", "League of Legends"), ("27471", "Minecraft"), ("", "") };
        var list = new List<Obs>();
        var sampled = new List<DateTimeOffset>();
        for (var m = 0; m < Minutes; m++)
        {
            if (m is >= 50 and < 55)
            {
                continue;   // no sample at all: contributes nothing
            }

            var slot = Start.AddMinutes(m);
            sampled.Add(slot);
            if (m == 120)
            {
                continue;   // sampled, but nobody live
            }

            for (var c = 0; c < channels; c++)
            {
                if (random.NextDouble() < 0.3)
                {
                    continue;
                }

                var user = (1000 + c).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var (game, gameName) = games[(c + (m / 60)) % games.Length];
                var streamNo = m / 90;
                var viewers = random.Next(0, 5000) * viewerScale;
                if (c == 3 && m == 30)
                {
                    viewers = 999_999;   // a clear peak
                }

                list.Add(new Obs(slot, user, $"chan{c}", $"Channel {c}", game, gameName, viewers, $"s{user}x{streamNo}",
                    Start.AddMinutes((streamNo * 90) - 5 + (c % 7)), $"title {c} {streamNo}"));
            }
        }

        Observations = list;
        SampledSlots = sampled;
    }

    public IReadOnlyList<Obs> Observations { get; }

    /// <summary>Every slot that had a sample, with or without streams.</summary>
    public IReadOnlyList<DateTimeOffset> SampledSlots { get; }

    public static string Minute(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static Slot SlotOf(DateTimeOffset at) => Slot.Of(at);
}
