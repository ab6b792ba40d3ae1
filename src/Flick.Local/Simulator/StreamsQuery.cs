using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Flick.Local.Simulator;

/// <summary>The validated query of <c>GET /helix/streams</c>.</summary>
internal sealed record StreamsQuery(int First, string? After, IReadOnlyList<string> Languages, IReadOnlyList<string> GameIds, DateTimeOffset? At)
{
    public const int DefaultFirst = 20;
    public const int MaxFirst = 100;
    private const int MaxFilterValues = 100;

    private static readonly DateTimeOffset EarliestAt = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LatestAt = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Rfc3339Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    private static readonly string[] Unsupported = ["before", "user_id", "user_login"];

    /// <summary>The filters in a canonical form, as the cursor carries them.</summary>
    public string Filters => string.Join(',', Languages) + ";" + string.Join(',', GameIds);

    public static bool TryParse(IQueryCollection query, out StreamsQuery? parsed, out string error)
    {
        parsed = null;
        error = "";
        if (Unsupported.FirstOrDefault(query.ContainsKey) is { } unsupported)
        {
            error = $"The parameter \"{unsupported}\" is not supported by the simulator.";
            return false;
        }

        var first = DefaultFirst;
        if (query.TryGetValue("first", out var firstValues)
            && (firstValues.Count != 1
                || !int.TryParse(firstValues[0], NumberStyles.None, CultureInfo.InvariantCulture, out first)
                || first is < 1 or > MaxFirst))
        {
            error = $"The parameter \"first\" was malformed: the value must be an integer between 1 and {MaxFirst}.";
            return false;
        }

        var type = query["type"];
        if (type.Count > 1 || (type.Count == 1 && type[0] is not ("all" or "live")))
        {
            error = "The parameter \"type\" was malformed: the value must be \"all\" or \"live\".";
            return false;
        }

        var languages = Distinct(query["language"], lowerCase: true);
        var gameIds = Distinct(query["game_id"], lowerCase: false);
        if (languages.Count > MaxFilterValues || gameIds.Count > MaxFilterValues
            || languages.Any(l => l.Length == 0 || l.Contains(',', StringComparison.Ordinal) || l.Contains(';', StringComparison.Ordinal))
            || gameIds.Any(g => g.Length == 0 || !g.All(char.IsAsciiDigit)))
        {
            error = $"The parameters \"language\" and \"game_id\" take at most {MaxFilterValues} values each; game ids are numeric.";
            return false;
        }

        DateTimeOffset? at = null;
        if (query.TryGetValue("at", out var atValues))
        {
            if (atValues.Count != 1
                || !DateTimeOffset.TryParseExact(atValues[0], Rfc3339Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsedAt)
                || parsedAt < EarliestAt || parsedAt >= LatestAt)
            {
                error = "The parameter \"at\" was malformed: expected an RFC 3339 time between 2000 and 2100.";
                return false;
            }

            at = parsedAt.ToUniversalTime();
        }

        var after = query["after"].Count > 0 ? query["after"][^1] : null;
        parsed = new StreamsQuery(first, string.IsNullOrEmpty(after) ? null : after, languages, gameIds, at);
        return true;
    }

    public bool Matches(SimulatedStream stream) =>
        (Languages.Count == 0 || Languages.Contains(stream.Language, StringComparer.Ordinal))
        && (GameIds.Count == 0 || GameIds.Contains(stream.GameId, StringComparer.Ordinal));

    private static List<string> Distinct(StringValues values, bool lowerCase) =>
        values.Select(v => lowerCase ? v!.ToLowerInvariant() : v!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
