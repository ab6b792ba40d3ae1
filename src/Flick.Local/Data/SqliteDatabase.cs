using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Flick.Local.Data;

/// <summary>
/// The embedded database, <c>&lt;data-dir&gt;/flick.db</c>: WAL journal (readers never block the writer),
/// <c>synchronous=NORMAL</c> (durable at checkpoints, never corrupt), and a long busy timeout because
/// the slots of a run write concurrently and SQLite has one writer at a time.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    public const string FileName = "flick.db";

    /// <summary>How long a writer waits for the lock before it fails.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _initializeLock = new(1, 1);
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly string _connectionString;
    private readonly string _connectionPragmas;
    private volatile bool _initialized;

    /// <param name="dataDirectory">The runtime's data folder; it is created at initialization if missing.</param>
    public SqliteDatabase(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        FilePath = Path.Combine(Path.GetFullPath(dataDirectory), FileName);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = false,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
        _connectionPragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};");
    }

    public string FilePath { get; }

    /// <summary>
    /// Lets one writer of this process at a time into SQLite. SQLite has one writer anyway, but a
    /// writer that finds the lock taken waits in its busy handler, which sleeps in steps of up to
    /// 100 ms; queued here instead, the next writer starts the moment the last one commits. The busy
    /// timeout still covers other processes that open the file.
    /// </summary>
    internal async Task<IDisposable> EnterWriteAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        return new WriteTurn(_writeGate);
    }

    /// <summary>Creates the file and the schema if they do not exist yet; safe to call any number of times.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return;
        }

        await _initializeLock.WaitAsync(cancellationToken);
        try
        {
            if (_initialized)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            await using var connection = await OpenCoreAsync(cancellationToken);

            // The journal mode is stored in the file; it cannot change inside a transaction.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken);
            await using var transaction = connection.BeginTransaction(deferred: false);
            await ExecuteAsync(connection, transaction, SqliteSchema.Create, cancellationToken);
            await ExecuteAsync(connection, transaction, $"PRAGMA user_version = {SqliteSchema.Version};", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            _initialized = true;
        }
        finally
        {
            _initializeLock.Release();
        }
    }

    /// <summary>An open connection (from the pool) with the session settings applied; the caller disposes it.</summary>
    public async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        return await OpenCoreAsync(cancellationToken);
    }

    /// <summary>Closes the pooled connections, which checkpoints the WAL into the database file.</summary>
    public void Dispose()
    {
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _initializeLock.Dispose();
        _writeGate.Dispose();
    }

    private async Task<SqliteConnection> OpenCoreAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // Per-connection settings, so a pooled connection that is reused gets them again cheaply.
            await ExecuteAsync(connection, null, _connectionPragmas, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class WriteTurn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
