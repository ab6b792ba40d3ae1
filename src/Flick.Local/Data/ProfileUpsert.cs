using System.Globalization;
using Flick.Core.Domain.Metrics;
using Microsoft.Data.Sqlite;

namespace Flick.Local.Data;

/// <summary>
/// A prepared merge of one channel profile into its row, reused for every profile of a batch. The
/// merge is <see cref="Flick.Core.Semantics.ProfileMerge"/> stated in SQL, so the stored row is never
/// read back into the process: the descriptive fields come from the later observation (last slot,
/// then <c>at</c>, which is stored as sortable text), first seen is the minimum, and the peak is the
/// maximum with the earliest slot that reached it. A row the update does not change is not written.
/// </summary>
internal sealed class ProfileUpsert : IDisposable
{
    // Inside DO UPDATE every bare column name is the stored value and excluded.* the update's, and
    // all SET expressions see the stored row as it was before this statement.
    private const string Later = "(excluded.last_seen > last_seen OR (excluded.last_seen = last_seen AND excluded.last_at > last_at))";
    private const string PeakWins = "(excluded.peak_viewers > peak_viewers OR (excluded.peak_viewers = peak_viewers AND excluded.peak_slot < peak_slot))";

    private static readonly string[] Descriptive =
        ["user_login", "user_name", "language", "title", "game_id", "game_name", "stream_id", "started_at", "last_at", "search_login", "search_name"];

    private static readonly string Sql =
        $"""
        INSERT INTO channel_profiles (
            series_id, user_id, user_login, user_name, language, title, game_id, game_name, stream_id,
            started_at, last_at, first_seen, last_seen, peak_viewers, peak_slot, search_login, search_name)
        VALUES ($series, $p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, $p15)
        ON CONFLICT (series_id, user_id) DO UPDATE SET
            {string.Join(",\n    ", Descriptive.Select(c => $"{c} = CASE WHEN {Later} THEN excluded.{c} ELSE {c} END"))},
            first_seen = min(first_seen, excluded.first_seen),
            last_seen = max(last_seen, excluded.last_seen),
            peak_viewers = CASE WHEN {PeakWins} THEN excluded.peak_viewers ELSE peak_viewers END,
            peak_slot = CASE WHEN {PeakWins} THEN excluded.peak_slot ELSE peak_slot END
        WHERE {Later} OR excluded.first_seen < first_seen OR {PeakWins}
        """;

    /// <summary>Values per profile: the parameters $p0 to $p15.</summary>
    private const int Width = 16;

    private readonly BulkStatement _statement;
    private readonly int[] _values;

    public ProfileUpsert(SqliteTransaction transaction, string seriesId)
    {
        _statement = new BulkStatement(transaction, Sql);
        _statement.Bind(_statement.Index("$series"), seriesId);
        _values = [.. Enumerable.Range(0, Width).Select(i => _statement.Index("$p" + i.ToString(CultureInfo.InvariantCulture)))];
    }

    /// <summary>The form login and name are searched in.</summary>
    public static string Folded(string text) => text.ToLowerInvariant();

    /// <summary>
    /// The values of <paramref name="profiles"/> in parameter order, encoded ahead of the write turn;
    /// the caller disposes them.
    /// </summary>
    public static EncodedRows Encode(IReadOnlyCollection<ChannelProfile> profiles)
    {
        var rows = new EncodedRows(Width, profiles.Count);
        foreach (var profile in profiles)
        {
            rows.Add(profile.UserId);
            rows.Add(profile.UserLogin);
            rows.Add(profile.UserName);
            rows.Add(profile.Language);
            rows.Add(profile.Title);
            rows.Add(profile.GameId);
            rows.Add(profile.GameName);
            rows.Add(profile.StreamId);
            rows.Add(profile.StartedAt);
            rows.Add((DateTimeOffset?)profile.LastAt);
            rows.Add(profile.FirstSeen.UnixMinute);
            rows.Add(profile.LastSeen.UnixMinute);
            rows.Add(profile.PeakViewers);
            rows.Add(profile.PeakSlot.UnixMinute);
            rows.AddLowerInvariant(profile.UserLogin);
            rows.AddLowerInvariant(profile.UserName);
        }

        return rows;
    }

    /// <summary>Merges every row of <paramref name="rows"/> (from <see cref="Encode"/>).</summary>
    public void Write(EncodedRows rows) => rows.ExecuteEach(_statement, _values);

    public void Dispose() => _statement.Dispose();
}
