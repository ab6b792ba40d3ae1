using Flick.Core.Parsing;
using Flick.Local.Data;
using Microsoft.Data.Sqlite;

namespace Flick.Local.Tests.Data;

/// <summary>
/// The direct scan reads what ADO.NET reads from the same rows, while a writer keeps writing, and
/// fails with SQLite's message on a bad query.
/// </summary>
public sealed class NativeScanTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Rows_ShouldBeWhatAdoNetReads_TextNumbersAndNulls()
    {
        var longText = new string('é', 200) + "✓";   // longer than the pool's limit
        (long Id, string? Text, long? Number)[] rows =
            [(1, "plain", 42), (2, string.Empty, null), (3, null, -7), (4, "Zoë 日本語 🎮", long.MaxValue), (5, longText, long.MinValue), (6, "plain", 0)];
        await WriteAsync(rows);

        var expected = await _db.Database.ListAsync(
            "SELECT id, text, number FROM t WHERE id >= $from ORDER BY id", [("$from", 2L)],
            r => (Id: r.GetInt64(0), Text: r.IsDBNull(1) ? null : r.GetString(1), Number: r.IsDBNull(2) ? (long?)null : r.GetInt64(2)),
            CancellationToken.None);

        var read = new List<(long Id, string? Text, long? Number)>();
        var pool = new StringPool();
        using (var scan = NativeScan.Open(_db.Database.FilePath, "SELECT id, text, number FROM t WHERE id >= $from ORDER BY id", TimeSpan.FromSeconds(5)))
        {
            scan.Bind("$from", 2);
            while (scan.Step())
            {
                read.Add((scan.Int64(0), scan.IsNull(1) ? null : pool.Get(scan.Text(1)), scan.IsNull(2) ? null : scan.Int64(2)));
            }
        }

        expected.Count.ShouldBe(5);
        read.ShouldBe(expected);
    }

    [Fact]
    public async Task TextParameters_ShouldMatchStoredText()
    {
        await WriteAsync([(1, "Zoë", 1), (2, "zoe", 2), (3, "Zoë", 3)]);

        var ids = new List<long>();
        using (var scan = NativeScan.Open(_db.Database.FilePath, "SELECT id FROM t WHERE text = $text ORDER BY id", TimeSpan.FromSeconds(5)))
        {
            scan.Bind("$text", "Zoë");
            while (scan.Step())
            {
                ids.Add(scan.Int64(0));
            }
        }

        ids.ShouldBe([1L, 3L]);
    }

    [Fact]
    public async Task AScan_ShouldReadItsSnapshot_WhileTheWriterCommits()
    {
        await WriteAsync([.. Enumerable.Range(1, 100).Select(i => ((long)i, (string?)$"r{i}", (long?)i))]);

        using var scan = NativeScan.Open(_db.Database.FilePath, "SELECT id FROM t ORDER BY id", TimeSpan.FromSeconds(5));
        scan.Step().ShouldBeTrue();
        // A write commits while the scan is open (WAL: the writer does not wait for readers).
        await _db.Database.WriteAsync(t => t.CreateCommand("INSERT INTO t (id, text, number) VALUES (1000, 'late', 0)").ExecuteNonQuery(), CancellationToken.None);
        var count = 1;
        while (scan.Step())
        {
            count++;
        }

        count.ShouldBe(100);
    }

    [Fact]
    public async Task ABadQueryOrParameter_ShouldFailWithSqlitesMessage()
    {
        await WriteAsync([(1, "a", 1)]);

        Should.Throw<SqliteException>(() => NativeScan.Open(_db.Database.FilePath, "SELECT nope FROM t", TimeSpan.FromSeconds(5)))
            .Message.ShouldContain("no such column: nope");
        using var scan = NativeScan.Open(_db.Database.FilePath, "SELECT id FROM t WHERE id = $id", TimeSpan.FromSeconds(5));
        Should.Throw<ArgumentException>(() => scan.Bind("$other", 1)).Message.ShouldContain("$other");
    }

    [Fact]
    public void StringPool_FromUtf8_ShouldGiveOneStringPerDistinctText_AndDecodeEveryText()
    {
        var pool = new StringPool();
        var first = pool.Get("12345"u8);
        var again = pool.Get("12345"u8);
        var other = pool.Get("12346"u8);
        var longText = new string('x', 500);
        var longBytes = System.Text.Encoding.UTF8.GetBytes(longText);

        first.ShouldBe("12345");
        again.ShouldBeSameAs(first);
        other.ShouldBe("12346");
        pool.Get("Zoë 日本語 🎮"u8).ShouldBe("Zoë 日本語 🎮");
        pool.Get([]).ShouldBe(string.Empty);
        pool.Get(longBytes).ShouldBe(longText);
        pool.Get(longBytes).ShouldNotBeSameAs(pool.Get(longBytes));   // not pooled beyond the length limit
    }

    private Task WriteAsync((long Id, string? Text, long? Number)[] rows) =>
        _db.Database.WriteAsync(
            transaction =>
            {
                transaction.CreateCommand("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, text TEXT, number INTEGER)").ExecuteNonQuery();
                foreach (var (id, text, number) in rows)
                {
                    using var insert = transaction.CreateCommand("INSERT INTO t (id, text, number) VALUES ($id, $text, $number)");
                    insert.Parameters.AddWithValue("$id", id);
                    insert.Parameters.AddWithValue("$text", (object?)text ?? DBNull.Value);
                    insert.Parameters.AddWithValue("$number", (object?)number ?? DBNull.Value);
                    insert.ExecuteNonQuery();
                }
            },
            CancellationToken.None);
}
