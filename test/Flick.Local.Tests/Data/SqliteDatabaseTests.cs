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
