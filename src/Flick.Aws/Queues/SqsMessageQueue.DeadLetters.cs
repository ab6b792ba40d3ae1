using Amazon.SQS;
using Amazon.SQS.Model;
using Flick.Core.Ports;

namespace Flick.Aws.Queues;

/// <summary>
/// Dead letters on SQS. SQS cannot look at a message without receiving it, so a peek receives the dead letters
/// (holding them for <see cref="HoldSeconds"/> so that each is seen once), then makes them visible again at
/// once. The peek therefore raises their receive count in the dead-letter queue, and a consumer of that queue
/// could be handed one of them meanwhile; nothing consumes Flick's dead-letter queues but operators.
/// A redrive sends each dead letter to the source queue and then deletes it: at least once, so a failure between
/// the two leaves a copy in both places, which the idempotent handlers absorb. The moved message is a new SQS
/// message (new id, sent time and receive count). SQS's own StartMessageMoveTask would keep them, but it is
/// asynchronous (it cannot say how many moved) and the emulator the tests use does not serve it.
/// </summary>
public sealed partial class SqsMessageQueue
{
    /// <summary>How long a peek or a redrive holds the dead letters it has received.</summary>
    private const int HoldSeconds = 30;

    /// <summary>
    /// A short poll asks only some SQS hosts and may come back empty while messages wait; a long poll asks all of
    /// them, and answers as soon as one is there. Only the final, empty receive of a drain waits this long.
    /// </summary>
    private const int DrainWaitSeconds = 1;

    public async Task<IReadOnlyList<QueueMessage>> PeekDeadLettersAsync(string queue, int maxMessages, CancellationToken cancellationToken)
    {
        ValidateQueueName(queue);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        var url = await _directory.DeadLetterUrlOfAsync(queue, cancellationToken);
        var held = new List<QueueMessage>();
        try
        {
            while (held.Count < maxMessages)
            {
                var batch = await ReceiveFromAsync(url, Math.Min(MaxBatchSize, maxMessages - held.Count), HoldSeconds, DrainWaitSeconds, cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                held.AddRange(batch);
            }

            held.Sort((a, b) => a.SentAt != b.SentAt ? a.SentAt.CompareTo(b.SentAt) : string.CompareOrdinal(a.MessageId, b.MessageId));
        }
        finally
        {
            // Released oldest first, even when cancelled, so that the dead-letter queue keeps its order.
            await ReleaseAsync(url, held);
        }

        // A peeked message is not received, so it has no receipt handle (as in the embedded queue).
        return held.Select(m => m with { ReceiptHandle = string.Empty }).ToList();
    }

    public async Task<int> RedriveAsync(string queue, CancellationToken cancellationToken)
    {
        ValidateQueueName(queue);
        var source = await _directory.UrlOfAsync(queue, cancellationToken);
        var deadLetters = await _directory.DeadLetterUrlOfAsync(queue, cancellationToken);
        var moved = 0;
        var failures = new List<string>();
        while (true)
        {
            var batch = await ReceiveFromAsync(deadLetters, MaxBatchSize, HoldSeconds, DrainWaitSeconds, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var sent = await _sqs.SendMessageBatchAsync(new SendMessageBatchRequest
            {
                QueueUrl = source,
                Entries = batch.Select((m, i) => new SendMessageBatchRequestEntry(EntryId(i), m.Body)).ToList(),
            }, cancellationToken);
            failures.AddRange((sent.Failed ?? []).Select(f => $"{f.Code}: {f.Message}"));
            var sentIds = (sent.Successful ?? []).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            var toDelete = batch.Select((m, i) => (Message: m, Id: EntryId(i))).Where(e => sentIds.Contains(e.Id)).ToList();
            if (toDelete.Count > 0)
            {
                await _sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest
                {
                    QueueUrl = deadLetters,
                    Entries = toDelete.Select(e => new DeleteMessageBatchRequestEntry(e.Id, e.Message.ReceiptHandle)).ToList(),
                }, cancellationToken);
                moved += toDelete.Count;
            }
        }

        if (failures.Count > 0)
        {
            // The dead letters that could not be sent stay where they are, visible again after the hold.
            throw new InvalidOperationException($"Redrive of '{queue}' moved {moved} messages; {failures.Count} could not be sent: {string.Join("; ", failures.Distinct())}");
        }

        return moved;
    }

    private async Task ReleaseAsync(string url, List<QueueMessage> held)
    {
        foreach (var chunk in held.Chunk(MaxBatchSize))
        {
            try
            {
                await _sqs.ChangeMessageVisibilityBatchAsync(new ChangeMessageVisibilityBatchRequest
                {
                    QueueUrl = url,
                    Entries = chunk.Select((m, i) => new ChangeMessageVisibilityBatchRequestEntry(EntryId(i), m.ReceiptHandle) { VisibilityTimeout = 0 }).ToList(),
                }, CancellationToken.None);
            }
            catch (AmazonSQSException)
            {
                // The hold runs out by itself after HoldSeconds; a failed release only delays the messages.
            }
        }
    }

    private static string EntryId(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
