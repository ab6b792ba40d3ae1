using System.Text.Json;
using Flick.Core.Domain.Metrics;
using Flick.Core.Ports;
using Microsoft.Data.Sqlite;

namespace Flick.Local.Data;

/// <summary>
/// Window roll-ups, one row per (series, from, to) with the figure lists as JSON: they are always
/// read whole, so child tables would only add joins.
/// </summary>
public sealed class SqliteWindowRollupStore : IWindowRollupStore
{
    private readonly SqliteDatabase _database;

    public SqliteWindowRollupStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    public async Task<bool> WriteAsync(string seriesId, WindowMetrics window, long dataVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seriesId);
        ArgumentNullException.ThrowIfNull(window);
        var written = await _database.ListAsync(
            """
            INSERT INTO window_rollups (series_id, from_at, to_at, sampled_minutes, total, channels, games, data_version)
            VALUES ($series, $from, $to, $sampled, $total, $channels, $games, $version)
            ON CONFLICT (series_id, from_at, to_at) DO UPDATE SET
                sampled_minutes = excluded.sampled_minutes, total = excluded.total, channels = excluded.channels,
                games = excluded.games, data_version = excluded.data_version
            WHERE excluded.data_version >= window_rollups.data_version
            RETURNING 1
            """,
            [
                ("$version", dataVersion),
                ("$series", seriesId),
                ("$from", SqliteValues.ToText(window.From)),
                ("$to", SqliteValues.ToText(window.To)),
                ("$sampled", window.SampledMinutes),
                ("$total", JsonSerializer.SerializeToUtf8Bytes(StoredFigures.From(window.Total), DataJsonContext.Default.StoredFigures)),
                ("$channels", Serialize(window.Channels)),
                ("$games", Serialize(window.Games)),
            ],
            reader => reader.GetInt32(0),
            cancellationToken);
        return written.Count > 0;
    }

    public async Task<WindowMetrics?> ReadAsync(string seriesId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        (await ReadVersionedAsync(seriesId, from, to, cancellationToken))?.Window;

    public Task<VersionedWindow?> ReadVersionedAsync(string seriesId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seriesId);
        return _database.FirstOrDefaultAsync(
            "SELECT from_at, to_at, sampled_minutes, total, channels, games, data_version FROM window_rollups WHERE series_id = $series AND from_at = $from AND to_at = $to",
            [("$series", seriesId), ("$from", SqliteValues.ToText(from)), ("$to", SqliteValues.ToText(to))],
            reader => new VersionedWindow(Read(reader), reader.GetInt64(6)),
            cancellationToken);
    }

    private static byte[] Serialize(IReadOnlyList<WindowFigures> figures) =>
        JsonSerializer.SerializeToUtf8Bytes(figures.Select(StoredFigures.From).ToList(), DataJsonContext.Default.ListStoredFigures);

    private static WindowMetrics Read(SqliteDataReader reader)
    {
        var total = JsonSerializer.Deserialize(reader.GetFieldValue<byte[]>(3), DataJsonContext.Default.StoredFigures)!;
        return new WindowMetrics(
            reader.GetTime(0),
            reader.GetTime(1),
            reader.GetInt32(2),
            total.ToFigures(),
            Deserialize(reader.GetFieldValue<byte[]>(4)),
            Deserialize(reader.GetFieldValue<byte[]>(5)));
    }

    private static List<WindowFigures> Deserialize(byte[] json) =>
        [.. JsonSerializer.Deserialize(json, DataJsonContext.Default.ListStoredFigures)!.Select(f => f.ToFigures())];
}
