using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Flick.Local.Messaging;

/// <summary>What the embedded runtime needs beyond the port: start-up release, counts, drain detection and wake-ups.</summary>
public sealed partial class SqliteMessageQueue
{
    // One pending wake-up per queue is enough: a poller that wakes receives everything visible anyway.
    private readonly ConcurrentDictionary<string, Channel<bool>> _signals = new(StringComparer.Ordinal);

    /// <summary>
    /// Makes every in-flight message visible now. This process is the only consumer, so a message held at start was
    /// held by a previous process that is gone, and waiting out its timeout would only delay the work.
    /// </summary>
    /// <returns>How many messages were released.</returns>
    public async Task<int> ReleaseInFlightAsync(CancellationToken cancellationToken)
    {
        var (released, queues) = await UseConnectionAsync(connection =>
        {
            var now = NowMs();
            using var transaction = connection.BeginTransaction();
            var queues = new List<string>();
            using (var select = Command(connection, transaction, "SELECT DISTINCT queue FROM messages WHERE visible_at > $now", ("$now", now)))
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    queues.Add(reader.GetString(0));
                }
            }

            var count = Execute(connection, transaction, "UPDATE messages SET visible_at = $now WHERE visible_at > $now", ("$now", now));
            transaction.Commit();
            return (count, queues);
        }, cancellationToken);
        foreach (var queue in queues)
        {
            Signal(queue);
        }

        return released;
    }

    public async Task<QueueCounts> CountAsync(string queue, CancellationToken cancellationToken)
    {
        ValidateQueueName(queue);
        return await UseConnectionAsync(connection =>
        {
            using var command = Command(connection, null,
                """
                SELECT
                    COALESCE(SUM(queue = $queue AND visible_at <= $now), 0),
                    COALESCE(SUM(queue = $queue AND visible_at > $now), 0),
                    COALESCE(SUM(queue = $dlq), 0)
                FROM messages WHERE queue IN ($queue, $dlq)
                """,
                ("$queue", queue), ("$dlq", DeadLetterQueueOf(queue)), ("$now", NowMs()));
            using var reader = command.ExecuteReader();
            reader.Read();
            return new QueueCounts(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
        }, cancellationToken);
    }

    /// <summary>
    /// True when no queue other than a dead-letter queue holds a message, visible or in flight. One query reads all
    /// queues at once, so a handler that sends to another queue before deleting its own message is never missed.
    /// </summary>
    public async Task<bool> IsDrainedAsync(CancellationToken cancellationToken) =>
        await UseConnectionAsync(connection =>
        {
            using var command = Command(connection, null,
                "SELECT NOT EXISTS (SELECT 1 FROM messages WHERE substr(queue, -length($suffix)) <> $suffix)",
                ("$suffix", DeadLetterSuffix));
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }, cancellationToken);

    /// <summary>
    /// Waits until something may have become visible in <paramref name="queue"/> (a send, a redrive, a release) or
    /// until <paramref name="timeout"/> passes on the time provider. Messages whose visibility timeout runs out give
    /// no signal, so callers keep polling with a short timeout.
    /// </summary>
    /// <returns>True when woken by a signal, false on timeout.</returns>
    public async Task<bool> WaitForMessagesAsync(string queue, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var reader = SignalOf(queue).Reader;
        if (reader.TryRead(out _))
        {
            return true;
        }

        using var timeoutSource = new CancellationTokenSource(timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken);
        try
        {
            return await reader.WaitToReadAsync(linked.Token) && reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Signal(string queue) => SignalOf(queue).Writer.TryWrite(true);

    private Channel<bool> SignalOf(string queue) =>
        _signals.GetOrAdd(queue, _ => Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite }));
}
