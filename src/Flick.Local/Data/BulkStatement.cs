using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Flick.Local.Data;

/// <summary>
/// One prepared statement executed for many rows inside a transaction, bound straight on SQLite's
/// handle. A slot writes ten thousand rows of several columns, and binding through ADO.NET
/// parameters costs an object and a UTF-8 copy per value; here numbers are bound as they are and
/// text is encoded into one reused buffer, which SQLite copies.
/// </summary>
internal sealed class BulkStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private byte[] _text = new byte[256];

    /// <param name="transaction">The open transaction the rows are written in; its connection runs the statement.</param>
    /// <param name="sql">One statement whose parameters are named (<c>$name</c>).</param>
    public BulkStatement(SqliteTransaction transaction, string sql)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        _db = transaction.Connection!.Handle!;
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    /// <summary>The 1-based index of parameter <paramref name="name"/>; a name the statement does not have is an error.</summary>
    public int Index(string name)
    {
        var index = raw.sqlite3_bind_parameter_index(_statement, name);
        return index > 0 ? index : throw new ArgumentException($"the statement has no parameter '{name}'", nameof(name));
    }

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    public void Bind(int index, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_statement, index));
            return;
        }

        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (length > _text.Length)
        {
            _text = new byte[Math.Max(length, _text.Length * 2)];
        }

        var written = Encoding.UTF8.GetBytes(value, _text);
        Check(raw.sqlite3_bind_text(_statement, index, _text.AsSpan(0, written)));
    }

    /// <summary>Text already encoded as UTF-8; SQLite copies it.</summary>
    public void Bind(int index, ReadOnlySpan<byte> utf8) => Check(raw.sqlite3_bind_text(_statement, index, utf8));

    /// <summary>Runs the statement with the values bound since the last run, then keeps them for the next.</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}'.", rc, raw.sqlite3_extended_errcode(_db));
        }
    }
}
