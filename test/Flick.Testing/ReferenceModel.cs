using System.Globalization;
using System.Text.Json;

namespace Flick.Testing;

/// <summary>
/// An independent re-statement of DESIGN §3 in plain LINQ over JsonDocument, used by tests to
/// compute the expected figures from the raw input. It shares no code with Flick.Core.
/// </summary>
public sealed class ReferenceModel
{
    public sealed record Obs(string Series, DateTime Slot, DateTime At, string User, string Login, string Game, string GameName, int Viewers, string Stream, DateTime? StartedAt);

    private readonly List<Obs> _raw = [];
    private readonly HashSet<(string Series, DateTime Slot)> _sampled = [];

    public int Rejected { get; private set; }

    /// <summary>Adds one Helix page taken at <paramref name="at"/>.</summary>
    public void AddHelixPage(string series, DateTime at, string json)
    {
        using var doc = JsonDocument.Parse(json);
        _sampled.Add((series, Minute(at)));
        foreach (var stream in doc.RootElement.GetProperty("data").EnumerateArray())
        {
            AddStream(series, at, stream);
        }
    }

    /// <summary>Adds a series document (format 2).</summary>
    public void AddSeriesDocument(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var series = doc.RootElement.GetProperty("series").GetString()!;
        foreach (var sample in doc.RootElement.GetProperty("samples").EnumerateArray())
        {
            var at = DateTime.Parse(sample.GetProperty("at").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
            _sampled.Add((series, Minute(at)));
            foreach (var stream in sample.GetProperty("streams").EnumerateArray())
            {
                AddStream(series, at, stream);
            }
        }
    }

    private void AddStream(string series, DateTime at, JsonElement s)
    {
        string Str(string name) => s.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "";
        var user = Str("user_id");
        var typeOk = !s.TryGetProperty("type", out var type) || (type.ValueKind == JsonValueKind.String && type.GetString() == "live");
        var viewersOk = s.TryGetProperty("viewer_count", out var vc) && vc.ValueKind == JsonValueKind.Number && vc.TryGetInt32(out var viewers) && viewers >= 0;
        if (user.Length == 0 || !typeOk || !viewersOk)
        {
            Rejected++;
            return;
        }

        DateTime? started = Str("started_at") is { Length: > 0 } text ? DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal) : null;
        _raw.Add(new Obs(series, Minute(at), at, user, Str("user_login"), Str("game_id"), Str("game_name"), vc.GetInt32(), Str("id"), started));
    }

    public static DateTime Minute(DateTime t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);

    /// <summary>One observation per (series, slot, user): latest at, then larger viewer count.</summary>
    public IReadOnlyList<Obs> Kept() =>
        _raw.GroupBy(o => (o.Series, o.Slot, o.User))
            .Select(g => g.OrderByDescending(o => o.At).ThenByDescending(o => o.Viewers).First())
            .ToList();

    public IEnumerable<DateTime> SampledSlots(string series) => _sampled.Where(s => s.Series == series).Select(s => s.Slot).Order();

    public (long Viewers, int Channels) Totals(string series, DateTime slot)
    {
        var rows = Kept().Where(o => o.Series == series && o.Slot == slot).ToList();
        return (rows.Sum(o => (long)o.Viewers), rows.Count);
    }

    public IReadOnlyList<(string Game, long Viewers, int Channels)> Games(string series, DateTime slot) =>
        Kept().Where(o => o.Series == series && o.Slot == slot && o.Game.Length > 0)
            .GroupBy(o => o.Game)
            .Select(g => (g.Key, g.Sum(o => (long)o.Viewers), g.Count()))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();

    public IReadOnlyList<string> TopChannels(string series, DateTime slot, int n) =>
        Kept().Where(o => o.Series == series && o.Slot == slot)
            .OrderByDescending(o => o.Viewers).ThenBy(o => o.User, StringComparer.Ordinal)
            .Take(n).Select(o => o.User).ToList();

    public IReadOnlyList<string> TopGames(string series, DateTime slot, int n) =>
        Games(series, slot)
            .OrderByDescending(g => g.Viewers).ThenByDescending(g => g.Channels).ThenBy(g => g.Game, StringComparer.Ordinal)
            .Take(n).Select(g => g.Game).ToList();

    /// <summary>A channel over [from, to): viewer-minutes, minutes live, peak and the earliest slot at the peak.</summary>
    public (long ViewerMinutes, int MinutesLive, int Peak, DateTime PeakSlot) ChannelWindow(string series, string user, DateTime from, DateTime to)
    {
        var rows = Kept().Where(o => o.Series == series && o.User == user && o.Slot >= from && o.Slot < to).ToList();
        var peak = rows.Max(o => o.Viewers);
        return (rows.Sum(o => (long)o.Viewers), rows.Count, peak, rows.Where(o => o.Viewers == peak).Min(o => o.Slot));
    }

    /// <summary>Window channel ranking: viewer-minutes desc, then peak desc, then user id.</summary>
    public IReadOnlyList<string> WindowTopChannels(string series, DateTime from, DateTime to, int n) =>
        Kept().Where(o => o.Series == series && o.Slot >= from && o.Slot < to)
            .GroupBy(o => o.User)
            .Select(g => (User: g.Key, Vm: g.Sum(o => (long)o.Viewers), Peak: g.Max(o => o.Viewers)))
            .OrderByDescending(x => x.Vm).ThenByDescending(x => x.Peak).ThenBy(x => x.User, StringComparer.Ordinal)
            .Take(n).Select(x => x.User).ToList();

    public (long ViewerMinutes, int SampledMinutes) TotalWindow(string series, DateTime from, DateTime to) =>
        (Kept().Where(o => o.Series == series && o.Slot >= from && o.Slot < to).Sum(o => (long)o.Viewers),
         _sampled.Count(s => s.Series == series && s.Slot >= from && s.Slot < to));
}
