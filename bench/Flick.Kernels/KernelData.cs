using System.Globalization;
using System.Text.Json;
using Flick.Core.Domain;
using Flick.Core.Parsing;
using Flick.Core.Semantics;

namespace Flick.Kernels;

/// <summary>
/// One generated minute of the simulator's shape, deterministic by seed: Helix pages of 100 streams
/// for <see cref="Channels"/> channels, the slot's silver document, and its observations.
/// </summary>
public sealed class KernelData
{
    public const int Channels = 10_000;
    public const int PageSize = 100;
    public const int Games = 400;
    public static readonly SeriesId Series = SeriesId.Parse("kernels");
    public static readonly DateTimeOffset PullTime = new(2026, 11, 23, 9, 30, 12, TimeSpan.Zero);
    public static readonly Slot Slot = Slot.Of(PullTime);

    private KernelData(List<byte[]> pages, IReadOnlyList<Observation> observations, byte[] silver)
    {
        Pages = pages;
        Observations = observations;
        Silver = silver;
    }

    /// <summary>The raw Helix pages, as a pull stores them.</summary>
    public IReadOnlyList<byte[]> Pages { get; }

    /// <summary>The slot's de-duplicated observations, ordered by user id.</summary>
    public IReadOnlyList<Observation> Observations { get; }

    /// <summary>The slot's silver document (one part).</summary>
    public byte[] Silver { get; }

    public long PageBytes => Pages.Sum(p => (long)p.Length);

    public static KernelData Create(int seed = 20261123)
    {
        var random = new Random(seed);
        var pages = new List<byte[]>();
        for (var first = 0; first < Channels; first += PageSize)
        {
            pages.Add(Page(random, first, Math.Min(PageSize, Channels - first), first + PageSize < Channels));
        }

        var accumulator = new SlotAccumulator();
        var options = new ParseOptions { Format = InputFormat.HelixPage, Series = Series, PullTime = PullTime };
        foreach (var page in pages)
        {
            using var stream = new MemoryStream(page, writable: false);
            var summary = RawInputParser.ParseAsync(stream, options, accumulator, CancellationToken.None).GetAwaiter().GetResult();
            if (summary.Error is not null || summary.Rejected > 0)
            {
                throw new InvalidOperationException($"generated page does not parse: {summary.Error}");
            }
        }

        var content = accumulator.Slots().Single();
        using var silver = new MemoryStream();
        SeriesDocumentWriter.WriteAsync(silver, Series, content.Observations, new Dictionary<string, string> { ["part"] = "kernels" }, CancellationToken.None)
            .GetAwaiter().GetResult();
        return new KernelData(pages, content.Observations, silver.ToArray());
    }

    private static byte[] Page(Random random, int first, int count, bool more)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("data");
            for (var i = first; i < first + count; i++)
            {
                var game = random.Next(Games + 20);   // a few channels are uncategorised
                var user = (1_000_000 + (i * 7919 % 9_000_000)).ToString(CultureInfo.InvariantCulture);
                writer.WriteStartObject();
                writer.WriteString("id", (40_000_000_000L + i).ToString(CultureInfo.InvariantCulture));
                writer.WriteString("user_id", user);
                writer.WriteString("user_login", "channel_" + user);
                writer.WriteString("user_name", "Channel_" + user);
                writer.WriteString("game_id", game < Games ? (10_000 + game).ToString(CultureInfo.InvariantCulture) : "");
                writer.WriteString("game_name", game < Games ? "Game " + game.ToString(CultureInfo.InvariantCulture) : "");
                writer.WriteString("type", "live");
                writer.WriteString("title", "Playing for a while, come say hi #" + random.Next(100_000).ToString(CultureInfo.InvariantCulture));
                writer.WriteStartArray("tags");
                writer.WriteStringValue("English");
                writer.WriteStringValue("Chill");
                writer.WriteEndArray();
                writer.WriteNumber("viewer_count", Math.Max(0, (int)(200_000 / Math.Pow(i + 1, 0.8)) + random.Next(5)));
                writer.WriteString("started_at", PullTime.AddMinutes(-random.Next(1, 600)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                writer.WriteString("language", "en");
                writer.WriteString("thumbnail_url", $"https://static-cdn.jtvnw.net/previews-ttv/live_user_channel_{user}-{{width}}x{{height}}.jpg");
                writer.WriteStartArray("tag_ids");
                writer.WriteEndArray();
                writer.WriteBoolean("is_mature", i % 10 == 0);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("pagination");
            if (more)
            {
                writer.WriteString("cursor", "c" + (first + count).ToString(CultureInfo.InvariantCulture));
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
