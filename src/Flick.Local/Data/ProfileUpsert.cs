using System.Globalization;
using Flick.Core.Domain.Metrics;
using Microsoft.Data.Sqlite;

namespace Flick.Local.Data;

/// <summary>A prepared replace of channel profile rows, reused for every profile of a batch.</summary>
internal sealed class ProfileUpsert : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _values;

    public ProfileUpsert(SqliteTransaction transaction, string seriesId)
    {
        _command = transaction.CreateCommand(
            """
            INSERT OR REPLACE INTO channel_profiles (
                series_id, user_id, user_login, user_name, language, title, game_id, game_name, stream_id,
                started_at, last_at, first_seen, last_seen, peak_viewers, peak_slot, search_login, search_name)
            VALUES ($series, $p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, $p15)
            """);
        _command.AddParameter("$series").Value = seriesId;
        _values = [.. Enumerable.Range(0, 16).Select(i => _command.AddParameter("$p" + i.ToString(CultureInfo.InvariantCulture)))];
        _command.Prepare();
    }

    /// <summary>The form login and name are searched in.</summary>
    public static string Folded(string text) => text.ToLowerInvariant();

    public void Write(ChannelProfile profile)
    {
        object?[] row =
        [
            profile.UserId,
            profile.UserLogin,
            profile.UserName,
            profile.Language,
            profile.Title,
            profile.GameId,
            profile.GameName,
            profile.StreamId,
            SqliteValues.ToDb(profile.StartedAt),
            SqliteValues.ToText(profile.LastAt),
            profile.FirstSeen.UnixMinute,
            profile.LastSeen.UnixMinute,
            profile.PeakViewers,
            profile.PeakSlot.UnixMinute,
            Folded(profile.UserLogin),
            Folded(profile.UserName),
        ];
        for (var i = 0; i < row.Length; i++)
        {
            _values[i].Value = row[i];
        }

        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
