using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Flick.Local.Data;

/// <summary>
/// The embedded database, <c>&lt;data-dir&gt;/flick.db</c>: WAL journal (readers never block the writer),
/// <c>synchronous=NORMAL</c> (durable at checkpoints, never corrupt), and a long busy timeout because
/// the slots of a run write concurrently and SQLite has one writer at a time.
/// </summary>
/// <remarks>
/// Writers take turns (<see cref="EnterWriteAsync"/>), so a turn should hold only its own work. By
/// default SQLite checkpoints inside the commit that crosses 1,000 WAL pages, which puts copying the
/// pages into the database file and its fsync into some writer's turn. Here the commits never
/// checkpoint; every <see cref="WritesPerCheckpoint"/> turns a passive checkpoint runs on a
/// connection of its own while the next writers go on (SQLite lets a checkpoint run beside a writer),
/// and the WAL file is cut back to <see cref="WalSizeLimitBytes"/> when it restarts. All turns run on
/// one connection kept open for them, with a page cache of <see cref="WriterCacheKibibytes"/>.
/// </remarks>
public sealed class SqliteDatabase : IDisposable
{
    public const string FileName = "flick.db";

    /// <summary>How long a writer waits for the lock before it fails.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The meter of the write turns (<c>dotnet-counters monitor --counters Flick.Local.Sqlite</c>).</summary>
    public const string MeterName = "Flick.Local.Sqlite";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Seconds writers held the write turn: its rate is the share of time the one writer is busy.</summary>
    private static readonly Counter<double> HeldSeconds = Meter.CreateCounter<double>("flick.sqlite.write_turn.held", "s", "Time a writer held the write turn");

    /// <summary>Seconds writers waited for their turn, summed over writers.</summary>
    private static readonly Counter<double> WaitedSeconds = Meter.CreateCounter<double>("flick.sqlite.write_turn.waited", "s", "Time writers waited for the write turn");

    /// <summary>Write turns between two background checkpoints.</summary>
    public const int WritesPerCheckpoint = 16;

    /// <summary>The page cache of the writer's connection, in KiB (the other connections keep SQLite's 2 MB).</summary>
    public const int WriterCacheKibibytes = 32 * 1024;

    /// <summary>The size the WAL file is truncated to when it restarts after a checkpoint.</summary>
    public const long WalSizeLimitBytes = 64L * 1024 * 1024;

    private readonly SemaphoreSlim _initializeLock = new(1, 1);
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly string _connectionString;
    private readonly string _writerConnectionString;
    private readonly string _writerPragmas;
    private SqliteConnection? _writer;
    private int _disposed;
    private readonly string _connectionPragmas;
    private volatile bool _initialized;
    private int _writesSinceCheckpoint;
    private Task _checkpoint = Task.CompletedTask;
    private readonly Lock _checkpointGate = new();

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
            $"PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; " +
            $"PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = {WalSizeLimitBytes};");

        // The one connection every write turn runs on, kept open: its page cache stays valid from one
        // turn to the next (SQLite drops a connection's cache only when another connection has
        // written), so the pages a slot's writes touch are not read back from the file every turn.
        _writerConnectionString = new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString();
        _writerPragmas = _connectionPragmas + string.Create(CultureInfo.InvariantCulture, $" PRAGMA cache_size = -{WriterCacheKibibytes};");
    }

    public string FilePath { get; }

    /// <summary>
    /// Lets one writer of this process at a time into SQLite. SQLite has one writer anyway, but a
    /// writer that finds the lock taken waits in its busy handler, which sleeps in steps of up to
    /// 100 ms; queued here instead, the next writer starts the moment the last one commits. The busy
    /// timeout still covers other processes that open the file.
    /// </summary>
    internal async Task<WriteTurn> EnterWriteAsync(CancellationToken cancellationToken)
    {
        var asked = Stopwatch.GetTimestamp();
        await _writeGate.WaitAsync(cancellationToken);
        WaitedSeconds.Add(Stopwatch.GetElapsedTime(asked).TotalSeconds);
        try
        {
            if (_writer is null)
            {
                await InitializeAsync(cancellationToken);
                _writer = await OpenCoreAsync(_writerConnectionString, _writerPragmas, cancellationToken);
            }
        }
        catch
        {
            _writeGate.Release();
            throw;
        }

        return new WriteTurn(this, _writer);
    }

    /// <summary>Waits for the background checkpoint in progress, if any (for tests and shutdown).</summary>
    internal Task CheckpointDone()
    {
        lock (_checkpointGate)
        {
            return _checkpoint;
        }
    }

    /// <summary>After a write turn: every <see cref="WritesPerCheckpoint"/> turns, one checkpoint in the background, never two at once.</summary>
    private void OnWriteDone()
    {
        if (Interlocked.Increment(ref _writesSinceCheckpoint) < WritesPerCheckpoint)
        {
            return;
        }

        lock (_checkpointGate)
        {
            if (!_checkpoint.IsCompleted)
            {
                return;   // the next turn asks again
            }

            Interlocked.Exchange(ref _writesSinceCheckpoint, 0);
            _checkpoint = Task.Run(CheckpointAsync);
        }
    }

    private async Task CheckpointAsync()
    {
        try
        {
            await using var connection = await OpenCoreAsync(CancellationToken.None);
            await ExecuteAsync(connection, null, "PRAGMA wal_checkpoint(PASSIVE);", CancellationToken.None);
        }
        catch (SqliteException)
        {
            // A checkpoint that could not run leaves the pages in the WAL, which stays correct; the next one copies them.
        }
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
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        CheckpointDone().GetAwaiter().GetResult();
        _writeGate.Wait();
        _writer?.Dispose();
        _writer = null;
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _initializeLock.Dispose();
        _writeGate.Dispose();
    }

    private Task<SqliteConnection> OpenCoreAsync(CancellationToken cancellationToken) =>
        OpenCoreAsync(_connectionString, _connectionPragmas, cancellationToken);

    private static async Task<SqliteConnection> OpenCoreAsync(string connectionString, string pragmas, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // Per-connection settings, so a pooled connection that is reused gets them again cheaply.
            await ExecuteAsync(connection, null, pragmas, cancellationToken);
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

    internal sealed class WriteTurn(SqliteDatabase database, SqliteConnection connection) : IDisposable
    {
        /// <summary>The writer's connection, for this turn only.</summary>
        public SqliteConnection Connection { get; } = connection;

        private readonly long _taken = Stopwatch.GetTimestamp();
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                HeldSeconds.Add(Stopwatch.GetElapsedTime(_taken).TotalSeconds);
                database._writeGate.Release();
                database.OnWriteDone();
            }
        }
    }
}
