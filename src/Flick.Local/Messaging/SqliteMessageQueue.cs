using System.Text.RegularExpressions;
using Flick.Core.Ports;
using Microsoft.Data.Sqlite;

namespace Flick.Local.Messaging;

/// <summary>
/// <see cref="IMessageQueue"/> on one SQLite file, with SQS semantics: a receive claims messages for the
/// visibility timeout and hands out a fresh receipt handle, a delete with an older handle does nothing, and the
/// receive that would exceed the queue's maximum receive count moves the message to <c>&lt;queue&gt;-dlq</c>.
/// </summary>
/// <remarks>
/// This process is the only user of the file, so one connection behind a gate serialises every operation; a receive
/// is one transaction, so two receivers never claim the same message. Times are Unix milliseconds from the
/// <see cref="TimeProvider"/>, so tests can move the clock.
/// </remarks>
public sealed partial class SqliteMessageQueue : IMessageQueue, IAsyncDisposable, IDisposable
{
    public const string DeadLetterSuffix = "-dlq";

    /// <summary>The largest batch one receive returns, as in SQS.</summary>
    public const int MaxBatchSize = 10;

    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromHours(12);

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        PRAGMA busy_timeout = 5000;
        CREATE TABLE IF NOT EXISTS messages (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            queue TEXT NOT NULL,
            message_id TEXT NOT NULL UNIQUE,
            body TEXT NOT NULL,
            sent_at INTEGER NOT NULL,
            visible_at INTEGER NOT NULL,
            receive_count INTEGER NOT NULL DEFAULT 0,
            receipt_handle TEXT,
            first_received_at INTEGER
        );
        CREATE INDEX IF NOT EXISTS ix_messages_queue_seq ON messages (queue, seq);
        CREATE INDEX IF NOT EXISTS ix_messages_receipt ON messages (receipt_handle);
        """;

    private readonly SqliteMessageQueueOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteConnection? _connection;

    public SqliteMessageQueue(SqliteMessageQueueOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;
        _timeProvider = timeProvider;
    }

    public static string DeadLetterQueueOf(string queue) => queue + DeadLetterSuffix;

    public static bool IsDeadLetterQueue(string queue) => queue.EndsWith(DeadLetterSuffix, StringComparison.Ordinal);

    /// <summary>Opens (and creates when missing) the database file and its schema.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is not null)
            {
                return;
            }

            Directory.CreateDirectory(_options.DataDirectory);
            var connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = _options.DatabasePath,
                Mode = SqliteOpenMode.ReadWriteCreate,
                // The connection stays open for the queue's lifetime; without pooling, closing it releases the file.
                Pooling = false,
            }.ToString();
            var connection = new SqliteConnection(connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                using var command = connection.CreateCommand();
                command.CommandText = Schema;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }

            _connection = connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<string> SendAsync(string queue, string body, CancellationToken cancellationToken)
    {
        ValidateQueueName(queue);
        ArgumentNullException.ThrowIfNull(body);
        var messageId = Guid.NewGuid().ToString();
        await UseConnectionAsync(connection =>
        {
            var now = NowMs();
            return Execute(connection, null,
                "INSERT INTO messages (queue, message_id, body, sent_at, visible_at) VALUES ($queue, $id, $body, $now, $now)",
                ("$queue", queue), ("$id", messageId), ("$body", body), ("$now", now));
        }, cancellationToken);
        Signal(queue);
        return messageId;
    }

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        var received = await ReceiveWithAttributesAsync(queue, maxMessages, visibilityTimeout, cancellationToken);
        return received.Select(r => r.Message).ToList();
    }

    public async Task DeleteAsync(string queue, string receiptHandle, CancellationToken cancellationToken)
    {
        ValidateQueueName(queue);
        ArgumentNullException.ThrowIfNull(receiptHandle);
        await DeleteBatchAsync(queue, [receiptHandle], cancellationToken);
    }

    public async Task ChangeVisibilityAsync(string queue, string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        ValidateQueueName(queue);
        ArgumentNullException.ThrowIfNull(receiptHandle);
        ValidateVisibility(visibilityTimeout);
        // A stale handle matches no row: like a delete, it cannot touch a newer delivery.
        await UseConnectionAsync(connection => Execute(connection, null,
            "UPDATE messages SET visible_at = $until WHERE queue = $queue AND receipt_handle = $handle",
            ("$until", NowMs() + (long)visibilityTimeout.TotalMilliseconds), ("$queue", queue), ("$handle", receiptHandle)),
            cancellationToken);
        if (visibilityTimeout == TimeSpan.Zero)
        {
            Signal(queue);
        }
    }

    public async Task<IReadOnlyList<QueueMessage>> PeekDeadLettersAsync(string queue, int maxMessages, CancellationToken cancellationToken)
    {
        ValidateQueueName(queue);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        return await UseConnectionAsync(connection =>
        {
            using var command = Command(connection, null,
                "SELECT message_id, body, receive_count, sent_at FROM messages WHERE queue = $dlq ORDER BY seq LIMIT $limit",
                ("$dlq", DeadLetterQueueOf(queue)), ("$limit", maxMessages));
            using var reader = command.ExecuteReader();
            var messages = new List<QueueMessage>();
            while (reader.Read())
            {
                // A peeked message is not received, so it has no receipt handle.
                messages.Add(new QueueMessage(reader.GetString(0), string.Empty, reader.GetString(1), reader.GetInt32(2), FromMs(reader.GetInt64(3))));
            }

            return messages;
        }, cancellationToken);
    }

    public async Task<int> RedriveAsync(string queue, CancellationToken cancellationToken)
    {
        ValidateQueueName(queue);
        var moved = await UseConnectionAsync(connection => Execute(connection, null,
            """
            UPDATE messages SET queue = $queue, receive_count = 0, visible_at = $now, receipt_handle = NULL, first_received_at = NULL
            WHERE queue = $dlq
            """,
            ("$queue", queue), ("$now", NowMs()), ("$dlq", DeadLetterQueueOf(queue))), cancellationToken);
        if (moved > 0)
        {
            Signal(queue);
        }

        return moved;
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
                _connection = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static void ValidateQueueName(string queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        if (!QueueNamePattern().IsMatch(queue))
        {
            throw new ArgumentException($"Invalid queue name '{queue}': use 1 to 80 letters, digits, '-' or '_', as SQS does.", nameof(queue));
        }
    }

    private static void ValidateVisibility(TimeSpan visibilityTimeout)
    {
        if (visibilityTimeout < TimeSpan.Zero || visibilityTimeout > MaxVisibilityTimeout)
        {
            throw new ArgumentOutOfRangeException(nameof(visibilityTimeout), visibilityTimeout, "The visibility timeout must be between 0 and 12 hours.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,80}$")]
    private static partial Regex QueueNamePattern();
}
