using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Flick.Local.Data;

/// <summary>One-statement reads and writes on a connection of their own, shared by the stores.</summary>
internal static class SqliteQueries
{
    public static async Task ExecuteAsync(this SqliteDatabase database, string sql, (string Name, object? Value)[] values, CancellationToken cancellationToken)
    {
        using var turn = await database.EnterWriteAsync(cancellationToken);
        await using var command = turn.Connection.Command(sql, values);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one <c>BEGIN IMMEDIATE</c> transaction: the write lock is taken
    /// up front (waiting out the busy timeout), so a transaction never fails half-way on an upgrade.
    /// The work is synchronous because SQLite is; batches reuse prepared commands inside it.
    /// </summary>
    public static async Task WriteAsync(this SqliteDatabase database, Action<SqliteTransaction> work, CancellationToken cancellationToken)
    {
        using var turn = await database.EnterWriteAsync(cancellationToken);
        using var transaction = turn.Connection.BeginTransaction(deferred: false);
        work(transaction);
        transaction.Commit();
    }

    /// <summary>Runs several reads on one snapshot (a deferred transaction reads one WAL snapshot).</summary>
    public static async Task<T> ReadAsync<T>(this SqliteDatabase database, Func<SqliteTransaction, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: true);
        return read(transaction);
    }

    /// <summary>The rows of one query inside <paramref name="transaction"/>.</summary>
    public static List<T> Query<T>(this SqliteTransaction transaction, string sql, (string Name, object? Value)[] values, Func<SqliteDataReader, T> read)
    {
        using var command = transaction.CreateCommand(sql);
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>A command enlisted in <paramref name="transaction"/>.</summary>
    public static SqliteCommand CreateCommand(this SqliteTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static async Task<IReadOnlyList<T>> ListAsync<T>(
        this SqliteDatabase database, string sql, (string Name, object? Value)[] values, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await foreach (var row in database.StreamAsync(sql, values, read, cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    public static async Task<T?> FirstOrDefaultAsync<T>(
        this SqliteDatabase database, string sql, (string Name, object? Value)[] values, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
        where T : class
    {
        await foreach (var row in database.StreamAsync(sql, values, read, cancellationToken))
        {
            return row;
        }

        return null;
    }

    /// <summary>Yields rows as the reader produces them; the connection stays open until the caller stops.</summary>
    public static async IAsyncEnumerable<T> StreamAsync<T>(
        this SqliteDatabase database,
        string sql,
        (string Name, object? Value)[] values,
        Func<SqliteDataReader, T> read,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(sql, values);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return read(reader);
        }
    }
}
