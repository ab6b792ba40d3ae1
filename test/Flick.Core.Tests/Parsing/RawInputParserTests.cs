using System.Text;
using Flick.Core.Domain;
using Flick.Core.Parsing;

namespace Flick.Core.Tests.Parsing;

/// <summary>Shared inputs and helpers; the tests are spread over the partial files by format and concern.</summary>
public sealed partial class RawInputParserTests
{
    private static readonly SeriesId TopSeries = SeriesId.Parse("twitch-top");
    private static readonly DateTimeOffset PullTime = new(2024, 5, 1, 12, 0, 30, TimeSpan.Zero);

    private static ParseOptions PageOptions => new() { Format = InputFormat.HelixPage, Series = TopSeries, PullTime = PullTime };

    private static ParseOptions AutoOptions => new() { Series = TopSeries, PullTime = PullTime };

    private static ParseOptions Options(InputFormat format) => new() { Format = format };

    private static async Task<(ParseSummary Summary, RecordingSink Sink)> ParseAsync(string input, ParseOptions options)
    {
        var sink = new RecordingSink();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(input));
        var summary = await RawInputParser.ParseAsync(stream, options, sink, CancellationToken.None);
        return (summary, sink);
    }

    /// <summary>A Helix page holding one stream object given as JSON text.</summary>
    private static string Page(params string[] streams) => "{\"data\":[" + string.Join(",", streams) + "],\"pagination\":{}}";

    /// <summary>A valid stream object; <paramref name="fields"/> replace or add fields as raw JSON ("\"viewer_count\":-1"), and a value of <c>&lt;omit&gt;</c> leaves the field out.</summary>
    private static string StreamJson(string userId = "1001", int viewers = 10, params string[] fields)
    {
        var baseFields = new Dictionary<string, string>
        {
            ["id"] = "\"s-" + userId + "\"",
            ["user_id"] = "\"" + userId + "\"",
            ["user_login"] = "\"login" + userId + "\"",
            ["user_name"] = "\"Name" + userId + "\"",
            ["game_id"] = "\"509658\"",
            ["game_name"] = "\"Just Chatting\"",
            ["type"] = "\"live\"",
            ["title"] = "\"hello\"",
            ["viewer_count"] = viewers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["started_at"] = "\"2024-05-01T10:00:00Z\"",
            ["language"] = "\"en\"",
            ["is_mature"] = "false",
        };
        foreach (var field in fields)
        {
            var colon = field.IndexOf(':', StringComparison.Ordinal);
            baseFields[field[1..(colon - 1)]] = field[(colon + 1)..];
        }

        return "{" + string.Join(",", baseFields.Where(f => f.Value != "<omit>").Select(f => $"\"{f.Key}\":{f.Value}")) + "}";
    }

    /// <summary>The observation <see cref="StreamJson"/> describes with no field replaced, seen at <paramref name="at"/>.</summary>
    private static Observation Expected(DateTimeOffset at, string userId = "1001", int viewers = 10) => new()
    {
        StreamId = "s-" + userId,
        UserId = userId,
        UserLogin = "login" + userId,
        UserName = "Name" + userId,
        GameId = "509658",
        GameName = "Just Chatting",
        Title = "hello",
        ViewerCount = viewers,
        StartedAt = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero),
        Language = "en",
        IsMature = false,
        At = at,
    };
}
