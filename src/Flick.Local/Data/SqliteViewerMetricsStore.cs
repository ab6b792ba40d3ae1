using System.Runtime.CompilerServices;
using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;
using Flick.Core.Parsing;
using Flick.Core.Ports;
using Microsoft.Data.Sqlite;

namespace Flick.Local.Data;

/// <summary>
/// The per-slot clean tables. A slot is written in one transaction that first deletes what the slot
/// held, so a re-run leaves exactly its own rows; the rows go through one prepared insert per table.
/// </summary>
public sealed class SqliteViewerMetricsStore : IViewerMetricsStore
{
    private const string ChannelColumns = "slot, user_id, game_id, viewers, stream_id, started_at";
    private const string GameColumns = "slot, game_id, game_name, viewers, channels";
    private const string RangeFilter = "series_id = $series AND slot >= $from AND slot < $to";

    private readonly SqliteDatabase _database;

    public SqliteViewerMetricsStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    public Task WriteSlotAsync(string seriesId, SlotViewers viewers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seriesId);
        ArgumentNullException.ThrowIfNull(viewers);
        var slot = viewers.Slot;
        if (viewers.Totals.Slot != slot || viewers.Channels.Any(c => c.Slot != slot) || viewers.Games.Any(g => g.Slot != slot))
        {
            throw new ArgumentException($"every row of the slot must belong to slot {slot}", nameof(viewers));
        }

        return WriteEncodedSlotAsync(seriesId, viewers, EncodeChannels(viewers.Channels), cancellationToken);
    }

    private async Task WriteEncodedSlotAsync(string seriesId, SlotViewers viewers, EncodedRows channels, CancellationToken cancellationToken)
    {
        var slot = viewers.Slot;
        using (channels)
        {
            await _database.WriteAsync(
                transaction =>
                {
                    using (var delete = transaction.CreateCommand(
                        "DELETE FROM channel_slots WHERE series_id = $series AND slot = $slot;" +
                        "DELETE FROM game_slots WHERE series_id = $series AND slot = $slot;" +
                        "DELETE FROM slot_totals WHERE series_id = $series AND slot = $slot;"))
                    {
                        delete.Parameters.AddWithValue("$series", seriesId);
                        delete.Parameters.AddWithValue("$slot", slot.UnixMinute);
                        delete.ExecuteNonQuery();
                    }

                    InsertChannels(transaction, seriesId, slot, channels);
                    InsertGames(transaction, seriesId, slot, viewers.Games);
                    // The series counter only moves inside this IMMEDIATE transaction, so versions are unique and ordered.
                    using var totals = transaction.CreateCommand(
                        "INSERT INTO series_versions (series_id, version) VALUES ($series, 1) ON CONFLICT (series_id) DO UPDATE SET version = version + 1;" +
                        "INSERT INTO slot_totals (series_id, slot, viewers, live_channels, games, version) " +
                        "VALUES ($series, $slot, $viewers, $channels, $games, (SELECT version FROM series_versions WHERE series_id = $series))");
                    totals.Parameters.AddWithValue("$series", seriesId);
                    totals.Parameters.AddWithValue("$slot", slot.UnixMinute);
                    totals.Parameters.AddWithValue("$viewers", viewers.Totals.Viewers);
                    totals.Parameters.AddWithValue("$channels", viewers.Totals.LiveChannels);
                    totals.Parameters.AddWithValue("$games", viewers.Totals.Games);
                    totals.ExecuteNonQuery();
                },
                cancellationToken);
        }
    }

    public async Task<long> ReadVersionAsync(string seriesId, Slot from, Slot to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seriesId);
        var versions = await _database.ListAsync(
            $"SELECT COALESCE(MAX(version), 0) FROM slot_totals WHERE {RangeFilter}",
            Range(seriesId, from, to),
            reader => reader.GetInt64(0),
            cancellationToken);
        return versions.Count == 0 ? 0 : versions[0];
    }

    /// <remarks>
    /// An hour's roll-up and a window's figures read every row of their range: through a
    /// <see cref="NativeScan"/>, with the ids that repeat from minute to minute pooled.
    /// </remarks>
    public async IAsyncEnumerable<ChannelSlotMetric> ReadChannelSlotsAsync(string seriesId, Slot from, Slot to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seriesId);
        await _database.InitializeAsync(cancellationToken);
        using var scan = NativeScan.Open(_database.FilePath,
            $"SELECT {ChannelColumns} FROM channel_slots WHERE {RangeFilter} ORDER BY slot, user_id", SqliteDatabase.BusyTimeout);
        scan.Bind("$series", seriesId);
        scan.Bind("$from", from.UnixMinute);
        scan.Bind("$to", to.UnixMinute);
        var ids = new StringPool(maxEntries: 1 << 17);
        var rows = 0;
        while (scan.Step())
        {
            if (++rows % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            yield return ReadChannel(scan, ids);
        }
    }

    public Task<IReadOnlyList<ChannelSlotMetric>> ReadChannelAsync(string seriesId, string userId, Slot from, Slot to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seriesId);
        ArgumentNullException.ThrowIfNull(userId);
        if (to <= from)
        {
            return Task.FromResult<IReadOnlyList<ChannelSlotMetric>>([]);
        }

        // One seek per bucket of the window: the index is (series, slot bucket, user, slot).
        return _database.ListAsync(
            $"""
            WITH RECURSIVE buckets(b) AS (SELECT $first UNION ALL SELECT b + 1 FROM buckets WHERE b < $last)
            SELECT {ChannelColumns} FROM channel_slots INDEXED BY {SqliteSchema.ChannelSlotsByUser}
            WHERE series_id = $series AND slot / {SqliteSchema.ChannelSlotBucketMinutes} IN buckets AND user_id = $id AND slot >= $from AND slot < $to
            ORDER BY slot
            """,
            [
                .. Range(seriesId, from, to),
                ("$id", userId),
                ("$first", from.UnixMinute / SqliteSchema.ChannelSlotBucketMinutes),
                ("$last", (to.UnixMinute - 1) / SqliteSchema.ChannelSlotBucketMinutes),
            ],
            ReadChannel,
            cancellationToken);
    }

    public Task<IReadOnlyList<GameSlotMetric>> ReadGamesAsync(string seriesId, Slot from, Slot to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seriesId);
        return _database.ListAsync(
            $"SELECT {GameColumns} FROM game_slots WHERE {RangeFilter} ORDER BY slot, game_id",
            Range(seriesId, from, to),
            ReadGame,
            cancellationToken);
    }

    public Task<IReadOnlyList<GameSlotMetric>> ReadGameAsync(string seriesId, string gameId, Slot from, Slot to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seriesId);
        ArgumentNullException.ThrowIfNull(gameId);
        return _database.ListAsync(
            $"SELECT {GameColumns} FROM game_slots WHERE {RangeFilter} AND game_id = $id ORDER BY slot",
            [.. Range(seriesId, from, to), ("$id", gameId)],
            ReadGame,
            cancellationToken);
    }

    public Task<IReadOnlyList<SlotTotals>> ReadTotalsAsync(string seriesId, Slot from, Slot to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seriesId);
        return _database.ListAsync(
            $"SELECT slot, viewers, live_channels, games FROM slot_totals WHERE {RangeFilter} ORDER BY slot",
            Range(seriesId, from, to),
            reader => new SlotTotals(reader.GetSlot(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetInt32(3)),
            cancellationToken);
    }

    /// <summary>A slot's channel rows, encoded before the write turn is taken.</summary>
    private static EncodedRows EncodeChannels(IReadOnlyList<ChannelSlotMetric> channels)
    {
        var rows = new EncodedRows(5, channels.Count);
        foreach (var channel in channels)
        {
            rows.Add(channel.UserId);
            rows.Add(channel.GameId);
            rows.Add(channel.Viewers);
            rows.Add(channel.StreamId);
            // UTC ticks: exact, and an hour roll-up reads every row of an hour without parsing text per row.
            rows.Add(channel.StartedAt?.UtcTicks);
        }

        return rows;
    }

    private static void InsertChannels(SqliteTransaction transaction, string seriesId, Slot slot, EncodedRows channels)
    {
        using var insert = new BulkStatement(transaction,
            "INSERT INTO channel_slots (series_id, slot, user_id, game_id, viewers, stream_id, started_at) VALUES ($series, $slot, $user, $game, $viewers, $stream, $started)");
        insert.Bind(insert.Index("$series"), seriesId);
        insert.Bind(insert.Index("$slot"), slot.UnixMinute);
        channels.ExecuteEach(insert, [insert.Index("$user"), insert.Index("$game"), insert.Index("$viewers"), insert.Index("$stream"), insert.Index("$started")]);
    }

    private static void InsertGames(SqliteTransaction transaction, string seriesId, Slot slot, IReadOnlyList<GameSlotMetric> games)
    {
        using var insert = new BulkStatement(transaction,
            "INSERT INTO game_slots (series_id, slot, game_id, game_name, viewers, channels) VALUES ($series, $slot, $game, $name, $viewers, $channels)");
        insert.Bind(insert.Index("$series"), seriesId);
        insert.Bind(insert.Index("$slot"), slot.UnixMinute);
        var (game, name, viewers, channels) = (insert.Index("$game"), insert.Index("$name"), insert.Index("$viewers"), insert.Index("$channels"));
        foreach (var row in games)
        {
            insert.Bind(game, row.GameId);
            insert.Bind(name, row.GameName);
            insert.Bind(viewers, row.Viewers);
            insert.Bind(channels, row.Channels);
            insert.Execute();
        }
    }

    private static (string, object?)[] Range(string seriesId, Slot from, Slot to) =>
        [("$series", seriesId), ("$from", from.UnixMinute), ("$to", to.UnixMinute)];

    private static ChannelSlotMetric ReadChannel(SqliteDataReader reader) =>
        new(reader.GetSlot(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4),
            reader.IsDBNull(5) ? null : new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero));

    /// <summary><see cref="ReadChannel(SqliteDataReader)"/> for a row of a <see cref="NativeScan"/> of <see cref="ChannelColumns"/>.</summary>
    private static ChannelSlotMetric ReadChannel(NativeScan scan, StringPool ids) =>
        new(Slot.FromUnixMinute(scan.Int64(0)), ids.Get(scan.Text(1)), ids.Get(scan.Text(2)), checked((int)scan.Int64(3)), ids.Get(scan.Text(4)),
            scan.IsNull(5) ? null : new DateTimeOffset(scan.Int64(5), TimeSpan.Zero));

    private static GameSlotMetric ReadGame(SqliteDataReader reader) =>
        new(reader.GetSlot(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt32(4));
}
