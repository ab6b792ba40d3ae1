using Flick.Local.Data;
using Microsoft.Data.Sqlite;

namespace Flick.Local.Tests.Data;

public sealed class BulkStatementTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Execute_WhenValuesAreBoundPerRow_ShouldStoreEachRowAsBound()
    {
        var longText = new string('é', 300) + "✓";   // more bytes than the first text buffer holds
        (long Id, string? Text, long? Number)[] rows =
            [(1, "plain", 42), (2, string.Empty, null), (3, null, -7), (4, "Zoë 日本語", long.MaxValue), (5, longText, 0)];

        await _db.Database.WriteAsync(
            transaction =>
            {
                transaction.CreateCommand("CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT, number INTEGER)").ExecuteNonQuery();
                using var insert = new BulkStatement(transaction, "INSERT INTO t (id, text, number) VALUES ($id, $text, $number)");
                var (id, text, number) = (insert.Index("$id"), insert.Index("$text"), insert.Index("$number"));
                foreach (var row in rows)
                {
                    insert.Bind(id, row.Id);
                    insert.Bind(text, row.Text);
                    if (row.Number is { } value)
                    {
                        insert.Bind(number, value);
                    }
                    else
                    {
                        insert.Bind(number, (string?)null);   // NULL
                    }

                    insert.Execute();
                }
            },
            CancellationToken.None);

        var stored = await _db.Database.ListAsync(
            "SELECT id, text, number, typeof(text) FROM t ORDER BY id", [],
            r => (Id: r.GetInt64(0), Text: r.IsDBNull(1) ? null : r.GetString(1), Number: r.IsDBNull(2) ? (long?)null : r.GetInt64(2), Type: r.GetString(3)),
            CancellationToken.None);

        stored.Select(r => (r.Id, r.Text, r.Number)).ShouldBe(rows);
        // The empty string stays text, distinct from NULL (an uncategorised game is '').
        stored.Select(r => r.Type).ShouldBe(["text", "text", "null", "text", "text"]);
    }

    [Fact]
    public async Task EncodedRows_WhenBoundRowByRow_ShouldStoreWhatWasAdded()
    {
        // More rows than announced and more text than the first buffer: both grow.
        var rows = Enumerable.Range(0, 50)
            .Select(i => (Id: (long)i, Text: i % 5 == 0 ? null : i % 7 == 0 ? string.Empty : $"{i}:" + new string('ü', i * 20), Number: (long?)(i * 1_000_000_007L)))
            .ToList();
        using var encoded = new EncodedRows(3, expectedRows: 2);
        foreach (var row in rows)
        {
            encoded.Add(row.Id);
            encoded.Add(row.Text);
            encoded.Add(row.Number!.Value);
        }

        await _db.Database.WriteAsync(
            transaction =>
            {
                transaction.CreateCommand("CREATE TABLE e (id INTEGER PRIMARY KEY, text TEXT, number INTEGER)").ExecuteNonQuery();
                using var insert = new BulkStatement(transaction, "INSERT INTO e (id, text, number) VALUES ($id, $text, $number)");
                encoded.ExecuteEach(insert, [insert.Index("$id"), insert.Index("$text"), insert.Index("$number")]);
            },
            CancellationToken.None);

        var stored = await _db.Database.ListAsync(
            "SELECT id, text, number FROM e ORDER BY id", [],
            r => (Id: r.GetInt64(0), Text: r.IsDBNull(1) ? null : r.GetString(1), Number: (long?)r.GetInt64(2)),
            CancellationToken.None);
        encoded.Rows.ShouldBe(50);
        stored.ShouldBe(rows);
    }

    [Fact]
    public async Task EncodedRows_TimesAndLowerCasedText_ShouldStoreWhatTheStringFormsGive()
    {
        // Times with and without fractions and offsets, and text whose lower case is not ASCII lower case
        // (Ä, Σ, the Turkish dotted İ, Cyrillic, a surrogate pair), one longer than the stack buffer.
        DateTimeOffset?[] times =
        [
            DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse("2026-11-23T11:59:59.1234567+02:00", System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.MinValue,
            null,
        ];
        string[] texts = ["Plain", "ÄÖÜ ΣΑΣ İstanbul", "ДОБРЫЙ", "Emoji 🎮 GO", new string('Q', 300) + "É", string.Empty];
        using var encoded = new EncodedRows(3, expectedRows: 1);
        for (var i = 0; i < texts.Length; i++)
        {
            encoded.Add(i);
            encoded.Add(times[i % times.Length]);
            encoded.AddLowerInvariant(texts[i]);
        }

        await _db.Database.WriteAsync(
            transaction =>
            {
                transaction.CreateCommand("CREATE TABLE f (id INTEGER PRIMARY KEY, at TEXT, folded TEXT)").ExecuteNonQuery();
                using var insert = new BulkStatement(transaction, "INSERT INTO f (id, at, folded) VALUES ($id, $at, $folded)");
                encoded.ExecuteEach(insert, [insert.Index("$id"), insert.Index("$at"), insert.Index("$folded")]);
            },
            CancellationToken.None);

        var stored = await _db.Database.ListAsync(
            "SELECT at, folded FROM f ORDER BY id", [],
            r => (At: r.IsDBNull(0) ? null : r.GetString(0), Folded: r.GetString(1)),
            CancellationToken.None);
        stored.ShouldBe(texts.Select((text, i) => (times[i % times.Length] is { } t ? SqliteValues.ToText(t) : null, text.ToLowerInvariant())));
        stored[1].At.ShouldBe("2026-11-23T09:59:59.1234567Z");
    }

    [Fact]
    public async Task Execute_WhenARowBreaksAConstraint_ShouldThrowSqliteErrorAndGoOnWithTheNextRow()
    {
        SqliteException? error = null;
        await _db.Database.WriteAsync(
            transaction =>
            {
                transaction.CreateCommand("CREATE TABLE u (id INTEGER PRIMARY KEY, name TEXT NOT NULL)").ExecuteNonQuery();
                using var insert = new BulkStatement(transaction, "INSERT INTO u (id, name) VALUES ($id, $name)");
                insert.Bind(1, 1L);
                insert.Bind(2, "first");
                insert.Execute();
                insert.Bind(1, 1L);
                insert.Bind(2, "duplicate");
                error = Should.Throw<SqliteException>(insert.Execute);
                insert.Bind(1, 2L);
                insert.Bind(2, "second");
                insert.Execute();
            },
            CancellationToken.None);

        error.ShouldNotBeNull();
        error.SqliteErrorCode.ShouldBe(19);   // SQLITE_CONSTRAINT
        error.Message.ShouldContain("UNIQUE constraint failed: u.id");
        var names = await _db.Database.ListAsync("SELECT name FROM u ORDER BY id", [], r => r.GetString(0), CancellationToken.None);
        names.ShouldBe(["first", "second"]);
    }

    [Fact]
    public async Task Index_WhenTheStatementHasNoSuchParameter_ShouldNameIt()
    {
        ArgumentException? error = null;
        await _db.Database.WriteAsync(
            transaction =>
            {
                using var statement = new BulkStatement(transaction, "SELECT $present");
                error = Should.Throw<ArgumentException>(() => statement.Index("$absent"));
            },
            CancellationToken.None);

        error!.Message.ShouldContain("$absent");
    }
}
