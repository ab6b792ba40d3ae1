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

    [Fact]
    public async Task WriteAsync_WhenTurnsFollowEachOther_ShouldRunOnOneConnectionWhosePagesStayCached()
    {
        // ~8 MB of rows: four times SQLite's default 2 MB page cache, a quarter of the writer's.
        var row = new string('x', 1_000);
        SqliteConnection? first = null;
        await _test.Database.WriteAsync(t =>
        {
            first = t.Connection;
            t.CreateCommand("CREATE TABLE wide (id INTEGER PRIMARY KEY, text TEXT)").ExecuteNonQuery();
            var insert = t.CreateCommand("INSERT INTO wide (id, text) VALUES ($id, $text)");
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            insert.Parameters.AddWithValue("$text", row);
            for (var i = 0; i < 8_000; i++)
            {
                id.Value = i;
                insert.ExecuteNonQuery();
            }
        }, CancellationToken.None);
        await _test.Database.CheckpointDone();

        long missed = -1, read = -1;
        SqliteConnection? second = null;
        await _test.Database.WriteAsync(t =>
        {
            second = t.Connection;
            var before = CacheMisses(t.Connection!);
            read = (long)t.CreateCommand("SELECT sum(length(text)) FROM wide").ExecuteScalar()!;
            missed = CacheMisses(t.Connection!) - before;
        }, CancellationToken.None);

        second.ShouldBeSameAs(first);
        (await ScalarAsync(second!, "PRAGMA cache_size")).ShouldBe(-(long)SqliteDatabase.WriterCacheKibibytes);
        read.ShouldBe(8_000L * 1_000);
        missed.ShouldBe(0);   // every page the first turn wrote was still in the writer's cache
    }

    [Fact]
    public async Task WriteAsync_WhenTheWorkThrows_ShouldRollItBackAndLetTheNextTurnWrite()
    {
        await _test.Database.WriteAsync(t => t.CreateCommand("CREATE TABLE t (id INTEGER PRIMARY KEY)").ExecuteNonQuery(), CancellationToken.None);

        var failing = _test.Database.WriteAsync(
            t =>
            {
                t.CreateCommand("INSERT INTO t (id) VALUES (1)").ExecuteNonQuery();
                throw new InvalidOperationException("bad row");
            },
            CancellationToken.None);
        (await Should.ThrowAsync<InvalidOperationException>(failing)).Message.ShouldBe("bad row");
        await _test.Database.WriteAsync(t => t.CreateCommand("INSERT INTO t (id) VALUES (2)").ExecuteNonQuery(), CancellationToken.None);

        (await _test.Database.ListAsync("SELECT id FROM t", [], r => r.GetInt64(0), CancellationToken.None)).ShouldBe([2L]);
    }

    [Fact]
    public async Task InitializeAsync_WhenTheFileHasTheFormerIndexOfProfilesByPeak_ShouldDropItAndKeepTheProfiles()
    {
        var profiles = new SqliteChannelProfileStore(_test.Database);
        var slot = Core.Domain.Slot.FromUnixMinute(29_000_000);
        var profile = new Core.Domain.Metrics.ChannelProfile
        {
            UserId = "7", UserLogin = "seven", UserName = "Seven", Language = "en", Title = "t", GameId = "g", GameName = "G",
            StreamId = "s", StartedAt = null, LastAt = slot.Start.AddSeconds(5), FirstSeen = slot, LastSeen = slot, PeakViewers = 9, PeakSlot = slot,
        };
        await profiles.MergeAsync("sim", [profile], CancellationToken.None);
        await _test.Database.WriteAsync(
            t => t.CreateCommand("CREATE INDEX channel_profiles_by_peak ON channel_profiles (series_id, peak_viewers DESC, user_id)").ExecuteNonQuery(),
            CancellationToken.None);

        using var reopened = new SqliteDatabase(_test.Directory);
        await reopened.InitializeAsync(CancellationToken.None);

        (await reopened.ListAsync("SELECT name FROM sqlite_master WHERE tbl_name = 'channel_profiles' AND type = 'index'", [], r => r.GetString(0), CancellationToken.None))
            .ShouldNotContain("channel_profiles_by_peak");
        (await new SqliteChannelProfileStore(reopened).GetAsync("sim", "7", CancellationToken.None)).ShouldBe(profile);
    }

    [Fact]
    public async Task Dispose_WhenCalledTwice_ShouldCloseOnce()
    {
        var database = new SqliteDatabase(_test.Directory);
        await database.WriteAsync(t => t.CreateCommand("CREATE TABLE t (id INTEGER)").ExecuteNonQuery(), CancellationToken.None);

        database.Dispose();
        Should.NotThrow(database.Dispose);
    }

    private static long CacheMisses(SqliteConnection connection)
    {
        SQLitePCL.raw.sqlite3_db_status(connection.Handle, SQLitePCL.raw.SQLITE_DBSTATUS_CACHE_MISS, out var current, out _, 0).ShouldBe(SQLitePCL.raw.SQLITE_OK);
        return current;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
