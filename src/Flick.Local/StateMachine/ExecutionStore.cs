using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Flick.Local.StateMachine;

/// <summary>The executions table in its own SQLite file (WAL), so that executions survive a restart.</summary>
internal sealed class ExecutionStore(string databasePath)
{
    private const string Columns = "name, arn, input, status, start_date, stop_date, output, error, cause";

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
    }.ToString();

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS executions (
                name TEXT PRIMARY KEY,
                arn TEXT NOT NULL,
                input TEXT NOT NULL,
                status TEXT NOT NULL,
                start_date TEXT NOT NULL,
                stop_date TEXT,
                output TEXT,
                error TEXT,
                cause TEXT);
            CREATE INDEX IF NOT EXISTS executions_status ON executions (status);
            """, cancellationToken);
    }

    /// <summary>Inserts a new execution; false when the name is taken (the row is left as it is).</summary>
    public async Task<bool> TryInsertAsync(ExecutionRecord record, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO executions ({Columns}) VALUES ($name, $arn, $input, $status, $start, NULL, NULL, NULL, NULL) ON CONFLICT(name) DO NOTHING;";
        command.Parameters.AddWithValue("$name", record.Name);
        command.Parameters.AddWithValue("$arn", record.ExecutionArn);
        command.Parameters.AddWithValue("$input", record.Input);
        command.Parameters.AddWithValue("$status", StatusText(record.Status));
        command.Parameters.AddWithValue("$start", FormatTime(record.StartDate));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task CompleteAsync(ExecutionRecord record, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE executions SET status = $status, stop_date = $stop, output = $output, error = $error, cause = $cause WHERE name = $name;";
        command.Parameters.AddWithValue("$name", record.Name);
        command.Parameters.AddWithValue("$status", StatusText(record.Status));
        command.Parameters.AddWithValue("$stop", record.StopDate is { } stop ? FormatTime(stop) : DBNull.Value);
        command.Parameters.AddWithValue("$output", (object?)record.Output ?? DBNull.Value);
        command.Parameters.AddWithValue("$error", (object?)record.Error ?? DBNull.Value);
        command.Parameters.AddWithValue("$cause", (object?)record.Cause ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ExecutionRecord?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var found = await QueryAsync("WHERE name = $value", name, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public Task<List<ExecutionRecord>> ListAsync(ExecutionStatus? status, CancellationToken cancellationToken) =>
        status is { } s
            ? QueryAsync("WHERE status = $value ORDER BY start_date, name", StatusText(s), cancellationToken)
            : QueryAsync("ORDER BY start_date, name", null, cancellationToken);

    private async Task<List<ExecutionRecord>> QueryAsync(string clause, string? value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM executions {clause};";
        if (value is not null)
        {
            command.Parameters.AddWithValue("$value", value);
        }

        var records = new List<ExecutionRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new ExecutionRecord
            {
                Name = reader.GetString(0),
                ExecutionArn = reader.GetString(1),
                Input = reader.GetString(2),
                Status = Enum.Parse<ExecutionStatus>(reader.GetString(3), ignoreCase: true),
                StartDate = ParseTime(reader.GetString(4)),
                StopDate = reader.IsDBNull(5) ? null : ParseTime(reader.GetString(5)),
                Output = reader.IsDBNull(6) ? null : reader.GetString(6),
                Error = reader.IsDBNull(7) ? null : reader.GetString(7),
                Cause = reader.IsDBNull(8) ? null : reader.GetString(8),
            });
        }

        return records;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string StatusText(ExecutionStatus status) => status.ToString().ToUpperInvariant();

    private static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
