using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Flick.Local.Data;

/// <summary>
/// One query over many rows (an hour's or a window's channel rows: up to hundreds of thousands) on a
/// read connection of its own, called straight into SQLite's library. Through ADO.NET every column
/// read is a call that takes and releases the statement's safe handle and SQLite's connection
/// mutex; a profile of window reads put more of their time there than in SQLite's own work. This
/// connection is opened without SQLite's per-call mutex, which is safe because one scan is used by
/// one caller at a time (the connection never leaves it), and it only reads.
/// </summary>
/// <remarks>
/// Text is handed out as the UTF-8 bytes SQLite holds, valid until the next <see cref="Step"/>;
/// <see cref="Flick.Core.Parsing.StringPool"/> turns it into strings that repeat without allocating them again.
/// </remarks>
internal sealed unsafe partial class NativeScan : IDisposable
{
    private const string Library = "e_sqlite3";
    private const int Ok = 0;
    private const int Row = 100;
    private const int Done = 101;
    private const int NullType = 5;
    private const int OpenReadWrite = 0x00000002;
    private const int OpenNoMutex = 0x00008000;
    private const int OpenPrivateCache = 0x00040000;
    private static readonly nint Transient = -1;

    private nint _db;
    private nint _statement;

    private NativeScan()
    {
    }

    /// <summary>Opens <paramref name="path"/> (which must exist) and prepares <paramref name="sql"/>.</summary>
    public static NativeScan Open(string path, string sql, TimeSpan busyTimeout)
    {
        var scan = new NativeScan();
        try
        {
            fixed (byte* file = Utf8Z(path))
            {
                scan.Check(sqlite3_open_v2(file, out scan._db, OpenReadWrite | OpenNoMutex | OpenPrivateCache, null));
            }

            scan.Check(sqlite3_busy_timeout(scan._db, (int)busyTimeout.TotalMilliseconds));
            var text = Encoding.UTF8.GetBytes(sql);
            fixed (byte* statement = text)
            {
                scan.Check(sqlite3_prepare_v2(scan._db, statement, text.Length, out scan._statement, 0));
            }

            return scan;
        }
        catch
        {
            scan.Dispose();
            throw;
        }
    }

    public void Bind(string name, long value) => Check(sqlite3_bind_int64(_statement, Index(name), value));

    public void Bind(string name, string value)
    {
        var text = Encoding.UTF8.GetBytes(value);
        fixed (byte* bytes = text)
        {
            Check(sqlite3_bind_text(_statement, Index(name), bytes, text.Length, Transient));
        }
    }

    /// <summary>Moves to the next row; false after the last.</summary>
    public bool Step()
    {
        var rc = sqlite3_step(_statement);
        if (rc == Row)
        {
            return true;
        }

        if (rc != Done)
        {
            Check(rc);
        }

        return false;
    }

    public long Int64(int column) => sqlite3_column_int64(_statement, column);

    public bool IsNull(int column) => sqlite3_column_type(_statement, column) == NullType;

    /// <summary>The column's text as SQLite holds it, valid until the next <see cref="Step"/>.</summary>
    public ReadOnlySpan<byte> Text(int column)
    {
        var text = sqlite3_column_text(_statement, column);
        return text is null ? [] : new ReadOnlySpan<byte>(text, sqlite3_column_bytes(_statement, column));
    }

    public void Dispose()
    {
        if (_statement != 0)
        {
            _ = sqlite3_finalize(_statement);
            _statement = 0;
        }

        if (_db != 0)
        {
            _ = sqlite3_close_v2(_db);
            _db = 0;
        }
    }

    private int Index(string name)
    {
        fixed (byte* bytes = Utf8Z(name))
        {
            var index = sqlite3_bind_parameter_index(_statement, bytes);
            return index > 0 ? index : throw new ArgumentException($"the statement has no parameter '{name}'", nameof(name));
        }
    }

    private void Check(int rc)
    {
        if (rc is Ok or Row or Done)
        {
            return;
        }

        var message = _db == 0 ? "out of memory" : Marshal.PtrToStringUTF8((nint)sqlite3_errmsg(_db));
        throw new SqliteException($"SQLite Error {rc}: '{message}'.", rc);
    }

    private static byte[] Utf8Z(string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    [LibraryImport(Library)]
    private static partial int sqlite3_open_v2(byte* filename, out nint db, int flags, byte* vfs);

    [LibraryImport(Library)]
    private static partial int sqlite3_close_v2(nint db);

    [LibraryImport(Library)]
    private static partial int sqlite3_busy_timeout(nint db, int milliseconds);

    [LibraryImport(Library)]
    private static partial int sqlite3_prepare_v2(nint db, byte* sql, int bytes, out nint statement, nint tail);

    [LibraryImport(Library)]
    private static partial int sqlite3_bind_parameter_index(nint statement, byte* name);

    [LibraryImport(Library)]
    private static partial int sqlite3_bind_int64(nint statement, int index, long value);

    [LibraryImport(Library)]
    private static partial int sqlite3_bind_text(nint statement, int index, byte* text, int bytes, nint destructor);

    [LibraryImport(Library)]
    private static partial int sqlite3_step(nint statement);

    [LibraryImport(Library)]
    private static partial long sqlite3_column_int64(nint statement, int column);

    [LibraryImport(Library)]
    private static partial int sqlite3_column_type(nint statement, int column);

    [LibraryImport(Library)]
    private static partial byte* sqlite3_column_text(nint statement, int column);

    [LibraryImport(Library)]
    private static partial int sqlite3_column_bytes(nint statement, int column);

    [LibraryImport(Library)]
    private static partial int sqlite3_finalize(nint statement);

    [LibraryImport(Library)]
    private static partial byte* sqlite3_errmsg(nint db);
}
