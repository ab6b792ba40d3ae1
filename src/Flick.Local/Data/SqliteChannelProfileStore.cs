using Flick.Core.Domain.Metrics;
using Flick.Core.Ports;
using Flick.Core.Semantics;
using Microsoft.Data.Sqlite;

namespace Flick.Local.Data;

/// <summary>
/// Channel profiles. A batch is merged in one write transaction by <see cref="ProfileUpsert"/>, the
/// rules of <see cref="ProfileMerge"/> applied inside SQLite, so concurrent batches serialise on the
/// write lock and never lose an update.
/// </summary>
public sealed class SqliteChannelProfileStore : IChannelProfileStore
{
    private const string Columns =
        "user_id, user_login, user_name, language, title, game_id, game_name, stream_id, started_at, last_at, first_seen, last_seen, peak_viewers, peak_slot";

    private readonly SqliteDatabase _database;

    public SqliteChannelProfileStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    public Task MergeAsync(string seriesId, IReadOnlyList<ChannelProfile> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seriesId);
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0)
        {
            return Task.CompletedTask;
        }

        // Updates of one user within the batch fold first: the merge is associative and commutative.
        var batch = new Dictionary<string, ChannelProfile>(updates.Count, StringComparer.Ordinal);
        foreach (var update in updates)
        {
            batch[update.UserId] = batch.TryGetValue(update.UserId, out var seen) ? ProfileMerge.Merge(seen, update) : update;
        }

        // In key order: each merge then lands on the page the last one left or the next, instead of a
        // page anywhere in the table.
        var ordered = batch.Values.ToArray();
        UserIdOrder.Ensure(ordered.AsSpan(), static p => p.UserId);

        return WriteAsync(seriesId, ProfileUpsert.Encode(ordered), cancellationToken);
    }

    private async Task WriteAsync(string seriesId, EncodedRows rows, CancellationToken cancellationToken)
    {
        using (rows)
        {
            await _database.WriteAsync(
                transaction =>
                {
                    using var upsert = new ProfileUpsert(transaction, seriesId);
                    upsert.Write(rows);
                },
                cancellationToken);
        }
    }

    public Task<ChannelProfile?> GetAsync(string seriesId, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seriesId);
        ArgumentNullException.ThrowIfNull(userId);
        return _database.FirstOrDefaultAsync(
            $"SELECT {Columns} FROM channel_profiles WHERE series_id = $series AND user_id = $user",
            [("$series", seriesId), ("$user", userId)],
            Read,
            cancellationToken);
    }

    /// <summary>
    /// Matches with <c>instr</c> on lower-cased copies of login and name rather than LIKE: the user's
    /// text is then plain text ('%' and '_' match themselves, nothing needs escaping), and the case
    /// folding covers all of Unicode, not only ASCII as LIKE does.
    /// </summary>
    public Task<IReadOnlyList<ChannelProfile>> SearchAsync(string seriesId, string text, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seriesId);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return _database.ListAsync(
            $"""
            SELECT {Columns} FROM channel_profiles
            WHERE series_id = $series AND (instr(search_login, $text) > 0 OR instr(search_name, $text) > 0)
            ORDER BY peak_viewers DESC, user_id
            LIMIT $limit
            """,
            [("$series", seriesId), ("$text", ProfileUpsert.Folded(text)), ("$limit", limit)],
            Read,
            cancellationToken);
    }

    private static ChannelProfile Read(SqliteDataReader reader) => new()
    {
        UserId = reader.GetString(0),
        UserLogin = reader.GetString(1),
        UserName = reader.GetString(2),
        Language = reader.GetString(3),
        Title = reader.GetString(4),
        GameId = reader.GetString(5),
        GameName = reader.GetString(6),
        StreamId = reader.GetString(7),
        StartedAt = reader.GetNullableTime(8),
        LastAt = reader.GetTime(9),
        FirstSeen = reader.GetSlot(10),
        LastSeen = reader.GetSlot(11),
        PeakViewers = reader.GetInt32(12),
        PeakSlot = reader.GetSlot(13),
    };
}
