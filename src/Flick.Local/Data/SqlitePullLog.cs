using Flick.Core.Domain.Pulls;
using Flick.Core.Ports;
using Microsoft.Data.Sqlite;

namespace Flick.Local.Data;

/// <summary>The raw table in SQLite.</summary>
public sealed class SqlitePullLog : IPullLog
{
    private const string Columns = "pull_id, source, series_id, at, started_at, finished_at, pages, bytes, streams, sha256, status, error, manifest_key, complete";

    private readonly SqliteDatabase _database;

    public SqlitePullLog(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    public Task PutAsync(PullRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _database.ExecuteAsync(
            $"INSERT OR REPLACE INTO pulls ({Columns}) VALUES ($id, $source, $series, $at, $started, $finished, $pages, $bytes, $streams, $sha, $status, $error, $manifest, $complete)",
            [
                ("$id", record.PullId),
                ("$source", record.Source),
                ("$series", record.SeriesId),
                ("$at", SqliteValues.ToText(record.At)),
                ("$started", SqliteValues.ToText(record.StartedAt)),
                ("$finished", SqliteValues.ToText(record.FinishedAt)),
                ("$pages", record.Pages),
                ("$bytes", record.Bytes),
                ("$streams", record.Streams),
                ("$sha", record.Sha256),
                ("$status", record.Status.ToString()),
                ("$error", record.Error),
                ("$manifest", record.ManifestKey),
                ("$complete", record.Complete),
            ],
            cancellationToken);
    }

    public Task<PullRecord?> GetAsync(string pullId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pullId);
        return _database.FirstOrDefaultAsync($"SELECT {Columns} FROM pulls WHERE pull_id = $id", [("$id", pullId)], Read, cancellationToken);
    }

    /// <summary>
    /// Newest first by when the pull started (then pull id, descending): a backfill of an old minute is
    /// still a new pull.
    /// </summary>
    public Task<IReadOnlyList<PullRecord>> ListAsync(string source, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return _database.ListAsync(
            $"SELECT {Columns} FROM pulls WHERE source = $source ORDER BY started_at DESC, pull_id DESC LIMIT $limit",
            [("$source", source), ("$limit", limit)],
            Read,
            cancellationToken);
    }

    private static PullRecord Read(SqliteDataReader reader) => new()
    {
        PullId = reader.GetString(0),
        Source = reader.GetString(1),
        SeriesId = reader.GetString(2),
        At = reader.GetTime(3),
        StartedAt = reader.GetTime(4),
        FinishedAt = reader.GetTime(5),
        Pages = reader.GetInt32(6),
        Bytes = reader.GetInt64(7),
        Streams = reader.GetInt32(8),
        Sha256 = reader.GetString(9),
        Status = reader.GetEnum<PullStatus>(10),
        Error = reader.GetNullableString(11),
        ManifestKey = reader.GetString(12),
        Complete = reader.GetBoolean(13),
    };
}
