using Flick.Core.Ports;
using Microsoft.Data.Sqlite;

namespace Flick.Local.Messaging;

public sealed partial class SqliteMessageQueue
{
    /// <summary>
    /// Claims up to <paramref name="maxMessages"/> visible messages in the order they were sent. A message whose receive
    /// count would exceed the queue's maximum goes to the dead-letter queue instead, and the next one is taken.
    /// </summary>
    internal async Task<IReadOnlyList<ReceivedMessage>> ReceiveWithAttributesAsync(string queue, int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        ValidateQueueName(queue);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, MaxBatchSize);
        ValidateVisibility(visibilityTimeout);
        // A dead-letter queue has no dead-letter queue of its own.
        var deadLetterQueue = IsDeadLetterQueue(queue) ? null : DeadLetterQueueOf(queue);
        var maxReceiveCount = _options.For(queue).MaxReceiveCount;

        return await UseConnectionAsync(connection =>
        {
            var now = NowMs();
            var visibleUntil = now + (long)visibilityTimeout.TotalMilliseconds;
            using var transaction = connection.BeginTransaction();
            var claimed = new List<ReceivedMessage>();
            // The cursor, not visibility, moves the scan on: with a zero timeout a claimed message stays visible.
            var afterSeq = 0L;
            while (claimed.Count < maxMessages)
            {
                var candidates = SelectVisible(connection, transaction, queue, now, afterSeq, maxMessages - claimed.Count);
                if (candidates.Count == 0)
                {
                    break;
                }

                foreach (var candidate in candidates)
                {
                    afterSeq = candidate.Seq;
                    if (deadLetterQueue is not null && candidate.ReceiveCount + 1 > maxReceiveCount)
                    {
                        Execute(connection, transaction,
                            "UPDATE messages SET queue = $dlq, visible_at = $now, receipt_handle = NULL WHERE seq = $seq",
                            ("$dlq", deadLetterQueue), ("$now", now), ("$seq", candidate.Seq));
                        continue;
                    }

                    var receiptHandle = Guid.NewGuid().ToString("N");
                    Execute(connection, transaction,
                        """
                        UPDATE messages SET receive_count = receive_count + 1, visible_at = $until, receipt_handle = $handle,
                            first_received_at = COALESCE(first_received_at, $now)
                        WHERE seq = $seq
                        """,
                        ("$until", visibleUntil), ("$handle", receiptHandle), ("$now", now), ("$seq", candidate.Seq));
                    var message = new QueueMessage(candidate.MessageId, receiptHandle, candidate.Body, candidate.ReceiveCount + 1, FromMs(candidate.SentAt));
                    claimed.Add(new ReceivedMessage(message, FromMs(candidate.FirstReceivedAt ?? now)));
                }
            }

            transaction.Commit();
            return (IReadOnlyList<ReceivedMessage>)claimed;
        }, cancellationToken);
    }

    /// <summary>Deletes the deliveries whose receipt handles are still current, in one transaction.</summary>
    internal async Task DeleteBatchAsync(string queue, IReadOnlyCollection<string> receiptHandles, CancellationToken cancellationToken)
    {
        if (receiptHandles.Count == 0)
        {
            return;
        }

        await UseConnectionAsync(connection =>
        {
            using var transaction = connection.BeginTransaction();
            var deleted = 0;
            foreach (var receiptHandle in receiptHandles)
            {
                // The handle changes on every receive, so a handle from an earlier delivery matches nothing.
                deleted += Execute(connection, transaction,
                    "DELETE FROM messages WHERE queue = $queue AND receipt_handle = $handle",
                    ("$queue", queue), ("$handle", receiptHandle));
            }

            transaction.Commit();
            return deleted;
        }, cancellationToken);
    }

    private static List<Candidate> SelectVisible(SqliteConnection connection, SqliteTransaction transaction, string queue, long now, long afterSeq, int limit)
    {
        using var command = Command(connection, transaction,
            """
            SELECT seq, message_id, body, sent_at, receive_count, first_received_at FROM messages
            WHERE queue = $queue AND seq > $after AND visible_at <= $now ORDER BY seq LIMIT $limit
            """,
            ("$queue", queue), ("$after", afterSeq), ("$now", now), ("$limit", limit));
        using var reader = command.ExecuteReader();
        var candidates = new List<Candidate>();
        while (reader.Read())
        {
            candidates.Add(new Candidate(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5)));
        }

        return candidates;
    }

    private sealed record Candidate(long Seq, string MessageId, string Body, long SentAt, int ReceiveCount, long? FirstReceivedAt);
}
