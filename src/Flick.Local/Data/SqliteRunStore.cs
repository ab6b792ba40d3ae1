using System.Globalization;
using Flick.Core.Domain;
using Flick.Core.Domain.Runs;
using Flick.Core.Ports;
using Microsoft.Data.Sqlite;

namespace Flick.Local.Data;

public sealed class SqliteRunStore : IRunStore
{
    private const string Columns = "run_id, series_id, status, from_slot, to_slot, slots, observations, rejected, reason, created_at, started_at, finished_at, error";

    private readonly SqliteDatabase _database;

    public SqliteRunStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    public Task PutAsync(RunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return _database.ExecuteAsync(
            $"INSERT OR REPLACE INTO runs ({Columns}) VALUES ($id, $series, $status, $from, $to, $slots, $observations, $rejected, $reason, $created, $started, $finished, $error)",
            [
                ("$id", run.RunId),
                ("$series", run.SeriesId),
                ("$status", run.Status.ToString()),
                ("$from", run.From.UnixMinute),
                ("$to", run.To.UnixMinute),
                ("$slots", run.Slots),
                ("$observations", run.Observations),
                ("$rejected", run.Rejected),
                ("$reason", run.Reason),
                ("$created", SqliteValues.ToText(run.CreatedAt)),
                ("$started", SqliteValues.ToDb(run.StartedAt)),
                ("$finished", SqliteValues.ToDb(run.FinishedAt)),
                ("$error", run.Error),
            ],
            cancellationToken);
    }

    public Task<RunRecord?> GetAsync(string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return _database.FirstOrDefaultAsync($"SELECT {Columns} FROM runs WHERE run_id = $id", [("$id", runId)], Read, cancellationToken);
    }

    /// <summary>Newest first: by creation time, then by run id (descending) between equal times.</summary>
    public Task<IReadOnlyList<RunRecord>> ListAsync(string seriesId, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seriesId);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return _database.ListAsync(
            $"SELECT {Columns} FROM runs WHERE series_id = $series ORDER BY created_at DESC, run_id DESC LIMIT $limit",
            [("$series", seriesId), ("$limit", limit)],
            Read,
            cancellationToken);
    }

    public Task<IReadOnlyList<string>> ListSeriesAsync(CancellationToken cancellationToken) =>
        _database.ListAsync("SELECT DISTINCT series_id FROM runs ORDER BY series_id", [], reader => reader.GetString(0), cancellationToken);

    public Task MarkStepDoneAsync(string runId, Slot slot, string step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(step);
        return _database.ExecuteAsync(
            "INSERT OR IGNORE INTO run_steps (run_id, slot, step) VALUES ($run, $slot, $step)",
            [("$run", runId), ("$slot", slot.UnixMinute), ("$step", step)],
            cancellationToken);
    }

    /// <exception cref="ArgumentException"><paramref name="steps"/> is empty: "all of no steps" has no useful answer.</exception>
    public async Task<int> CountSlotsDoneAsync(string runId, IReadOnlyCollection<string> steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(steps);
        var distinct = steps.Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length == 0)
        {
            throw new ArgumentException("at least one step is needed", nameof(steps));
        }

        var names = distinct.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"$s{i}")).ToArray();
        (string, object?)[] values =
        [
            ("$run", runId),
            ("$count", distinct.Length),
            .. distinct.Select((step, i) => (names[i], (object?)step)),
        ];
        var counts = await _database.ListAsync(
            $"""
            SELECT COUNT(*) FROM (
                SELECT slot FROM run_steps WHERE run_id = $run AND step IN ({string.Join(", ", names)})
                GROUP BY slot HAVING COUNT(*) = $count)
            """,
            values,
            reader => reader.GetInt32(0),
            cancellationToken);
        return counts[0];
    }

    private static RunRecord Read(SqliteDataReader reader) => new()
    {
        RunId = reader.GetString(0),
        SeriesId = reader.GetString(1),
        Status = reader.GetEnum<RunStatus>(2),
        From = reader.GetSlot(3),
        To = reader.GetSlot(4),
        Slots = reader.GetInt32(5),
        Observations = reader.GetInt64(6),
        Rejected = reader.GetInt64(7),
        Reason = reader.GetString(8),
        CreatedAt = reader.GetTime(9),
        StartedAt = reader.GetNullableTime(10),
        FinishedAt = reader.GetNullableTime(11),
        Error = reader.GetNullableString(12),
    };
}
