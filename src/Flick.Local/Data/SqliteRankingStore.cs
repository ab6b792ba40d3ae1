using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;
using Flick.Core.Ports;
using Microsoft.Data.Sqlite;

namespace Flick.Local.Data;

/// <summary>
/// Per-slot rankings. Rows are keyed by their position in the list, so a slot reads back exactly as
/// written; a marker row tells a slot written with empty lists from a slot never written.
/// </summary>
public sealed class SqliteRankingStore : IRankingStore
{
    private const string SlotFilter = "series_id = $series AND slot = $slot";

    private readonly SqliteDatabase _database;

    public SqliteRankingStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    public Task WriteSlotAsync(string seriesId, SlotRankings rankings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seriesId);
        ArgumentNullException.ThrowIfNull(rankings);
        return _database.WriteAsync(
            transaction =>
            {
                using (var replace = transaction.CreateCommand(
                    $"DELETE FROM ranked_channels WHERE {SlotFilter}; DELETE FROM ranked_games WHERE {SlotFilter};" +
                    "INSERT OR IGNORE INTO ranking_slots (series_id, slot) VALUES ($series, $slot);"))
                {
                    replace.Parameters.AddWithValue("$series", seriesId);
                    replace.Parameters.AddWithValue("$slot", rankings.Slot.UnixMinute);
                    replace.ExecuteNonQuery();
                }

                InsertChannels(transaction, seriesId, rankings);
                InsertGames(transaction, seriesId, rankings);
            },
            cancellationToken);
    }

    public Task<SlotRankings?> ReadSlotAsync(string seriesId, Slot slot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seriesId);
        (string, object?)[] key = [("$series", seriesId), ("$slot", slot.UnixMinute)];
        return _database.ReadAsync(
            transaction =>
            {
                if (transaction.Query($"SELECT 1 FROM ranking_slots WHERE {SlotFilter}", key, _ => true).Count == 0)
                {
                    return null;
                }

                var channels = transaction.Query(
                    $"SELECT rank, user_id, user_login, user_name, game_id, game_name, viewers FROM ranked_channels WHERE {SlotFilter} ORDER BY position",
                    key,
                    reader => new RankedChannel(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetInt32(6)));
                var games = transaction.Query(
                    $"SELECT rank, game_id, game_name, viewers, channels FROM ranked_games WHERE {SlotFilter} ORDER BY position",
                    key,
                    reader => new RankedGame(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt32(4)));
                return (SlotRankings?)new SlotRankings(slot, channels, games);
            },
            cancellationToken);
    }

    private static void InsertChannels(SqliteTransaction transaction, string seriesId, SlotRankings rankings)
    {
        using var insert = transaction.CreateCommand(
            "INSERT INTO ranked_channels (series_id, slot, position, rank, user_id, user_login, user_name, game_id, game_name, viewers) " +
            "VALUES ($series, $slot, $position, $rank, $user, $login, $name, $game, $gameName, $viewers)");
        insert.AddParameter("$series").Value = seriesId;
        insert.AddParameter("$slot").Value = rankings.Slot.UnixMinute;
        var position = insert.AddParameter("$position");
        var rank = insert.AddParameter("$rank");
        var user = insert.AddParameter("$user");
        var login = insert.AddParameter("$login");
        var name = insert.AddParameter("$name");
        var game = insert.AddParameter("$game");
        var gameName = insert.AddParameter("$gameName");
        var viewers = insert.AddParameter("$viewers");
        insert.Prepare();
        for (var i = 0; i < rankings.Channels.Count; i++)
        {
            var channel = rankings.Channels[i];
            position.Value = i;
            rank.Value = channel.Rank;
            user.Value = channel.UserId;
            login.Value = channel.UserLogin;
            name.Value = channel.UserName;
            game.Value = channel.GameId;
            gameName.Value = channel.GameName;
            viewers.Value = channel.Viewers;
            insert.ExecuteNonQuery();
        }
    }

    private static void InsertGames(SqliteTransaction transaction, string seriesId, SlotRankings rankings)
    {
        using var insert = transaction.CreateCommand(
            "INSERT INTO ranked_games (series_id, slot, position, rank, game_id, game_name, viewers, channels) " +
            "VALUES ($series, $slot, $position, $rank, $game, $name, $viewers, $channels)");
        insert.AddParameter("$series").Value = seriesId;
        insert.AddParameter("$slot").Value = rankings.Slot.UnixMinute;
        var position = insert.AddParameter("$position");
        var rank = insert.AddParameter("$rank");
        var game = insert.AddParameter("$game");
        var name = insert.AddParameter("$name");
        var viewers = insert.AddParameter("$viewers");
        var channels = insert.AddParameter("$channels");
        insert.Prepare();
        for (var i = 0; i < rankings.Games.Count; i++)
        {
            var row = rankings.Games[i];
            position.Value = i;
            rank.Value = row.Rank;
            game.Value = row.GameId;
            name.Value = row.GameName;
            viewers.Value = row.Viewers;
            channels.Value = row.Channels;
            insert.ExecuteNonQuery();
        }
    }
}
