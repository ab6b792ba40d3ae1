using Flick.Local.Data;
using Microsoft.Data.Sqlite;

namespace Flick.Local.Tests.Data;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TestDatabase _test = new();

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task InitializeAsync_WhenCalledOnANewFolder_ShouldCreateTheFileInWalMode()
    {
        await _test.Database.InitializeAsync(CancellationToken.None);
        await _test.Database.InitializeAsync(CancellationToken.None);

        File.Exists(Path.Combine(_test.Directory, "flick.db")).ShouldBeTrue();
        await using var connection = await _test.Database.OpenConnectionAsync(CancellationToken.None);
        (await ScalarAsync(connection, "PRAGMA journal_mode")).ShouldBe("wal");
    }

    [Fact]
    public async Task OpenConnectionAsync_WhenOpened_ShouldApplyTheSessionSettings()
    {
        await using var connection = await _test.Database.OpenConnectionAsync(CancellationToken.None);

        (await ScalarAsync(connection, "PRAGMA synchronous")).ShouldBe(1L); // NORMAL
        (await ScalarAsync(connection, "PRAGMA busy_timeout")).ShouldBe(30_000L);
        (await ScalarAsync(connection, "PRAGMA foreign_keys")).ShouldBe(0L);
        (await ScalarAsync(connection, "PRAGMA wal_autocheckpoint")).ShouldBe(0L);
        (await ScalarAsync(connection, "PRAGMA journal_size_limit")).ShouldBe(SqliteDatabase.WalSizeLimitBytes);
    }

    [Fact]
    public async Task WriteAsync_WhenTwoWritersOverlap_ShouldCountTheTimeTheTurnWasHeldAndWaitedFor()
    {
        var measured = new System.Collections.Concurrent.ConcurrentDictionary<string, double>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SqliteDatabase.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => measured.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.Start();
        await _test.Database.InitializeAsync(CancellationToken.None);
        using var holding = new ManualResetEventSlim();

        // The first writer holds its turn for at least 200 ms; the second asks while it does.
        var first = Task.Run(() => _test.Database.WriteAsync(_ => { holding.Set(); Thread.Sleep(200); }, CancellationToken.None));
        holding.Wait();
        var second = _test.Database.WriteAsync(_ => { }, CancellationToken.None);
        await Task.WhenAll(first, second);

        measured["flick.sqlite.write_turn.held"].ShouldBeGreaterThanOrEqualTo(0.2);
        measured["flick.sqlite.write_turn.waited"].ShouldBeGreaterThan(0.1);
    }

    [Fact]
    public async Task WriteAsync_WhenTurnsPass_ShouldLeavePagesInTheWalUntilTheBackgroundCheckpointCopiesThem()
    {
        // Each turn writes ~1 MB, far above SQLite's own 1,000-page checkpoint threshold.
        var row = new string('x', 1_000_000);
        async Task WriteTurnsAsync(int count, int first)
        {
            for (var i = first; i < first + count; i++)
            {
                await _test.Database.WriteAsync(t =>
                {
                    var insert = t.CreateCommand("INSERT INTO big (id, text) VALUES ($id, $text)");
                    insert.Parameters.AddWithValue("$id", i);
                    insert.Parameters.AddWithValue("$text", row);
                    insert.ExecuteNonQuery();
                }, CancellationToken.None);
            }
        }

        var file = Path.Combine(_test.Directory, "flick.db");
        await _test.Database.WriteAsync(t => t.CreateCommand("CREATE TABLE big (id INTEGER PRIMARY KEY, text TEXT)").ExecuteNonQuery(), CancellationToken.None);
        await _test.Database.CheckpointDone();
        var before = new FileInfo(file).Length;

        await WriteTurnsAsync(SqliteDatabase.WritesPerCheckpoint - 3, 0);   // the turn count stays below a checkpoint
        await _test.Database.CheckpointDone();
        var beforeCheckpoint = new FileInfo(file).Length;
        await WriteTurnsAsync(3, 100);   // the turn that reaches it starts one
        await _test.Database.CheckpointDone();
        var afterCheckpoint = new FileInfo(file).Length;

        (beforeCheckpoint - before).ShouldBeLessThan(1_000_000);   // no commit copied its pages into the file
        afterCheckpoint.ShouldBeGreaterThan((SqliteDatabase.WritesPerCheckpoint - 1) * 1_000_000L);   // the checkpoint did
        var count = await _test.Database.ListAsync("SELECT count(*), sum(length(text)) FROM big", [], r => (r.GetInt64(0), r.GetInt64(1)), CancellationToken.None);
        count.Single().ShouldBe((SqliteDatabase.WritesPerCheckpoint, SqliteDatabase.WritesPerCheckpoint * 1_000_000L));
    }

    [Fact]
    public async Task InitializeAsync_WhenTheSchemaExistsAlready_ShouldKeepTheData()
    {
        var runs = new SqliteRunStore(_test.Database);
        await runs.MarkStepDoneAsync("run-1", Core.Domain.Slot.FromUnixMinute(1), "viewers", CancellationToken.None);

        using var reopened = new SqliteDatabase(_test.Directory);
        await reopened.InitializeAsync(CancellationToken.None);

        (await new SqliteRunStore(reopened).CountSlotsDoneAsync("run-1", ["viewers"], CancellationToken.None)).ShouldBe(1);
    }

    [Fact]
    public async Task Dispose_WhenConnectionsWereUsed_ShouldCloseThemAndFoldTheWalIntoTheFile()
    {
        var database = new SqliteDatabase(_test.Directory);
        await new SqliteRunStore(database).MarkStepDoneAsync("run-1", Core.Domain.Slot.FromUnixMinute(1), "viewers", CancellationToken.None);
        File.Exists(database.FilePath + "-wal").ShouldBeTrue();

        database.Dispose();

        File.Exists(database.FilePath + "-wal").ShouldBeFalse();
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
