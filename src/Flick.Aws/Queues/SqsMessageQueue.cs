using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.SQS;
using Amazon.SQS.Model;
using Flick.Core.Ports;

namespace Flick.Aws.Queues;

/// <summary>
/// <see cref="IMessageQueue"/> on SQS standard queues. Queue names are logical; <see cref="AwsOptions.Queues"/>
/// maps them to real queues, whose URLs are looked up once. Receives are short polls (they answer at once, like
/// the embedded queue); SQS counts receives and moves a message to the dead-letter queue itself, by the
/// queue's redrive policy.
/// </summary>
/// <remarks>
/// SQS works in whole seconds: a visibility timeout is rounded up to the next second. A stale or unknown receipt
/// handle changes nothing, as in the embedded queue: SQS's "message not in flight" and "invalid receipt handle"
/// answers are taken as that. SQS does not promise receive order, and a short poll may return fewer messages
/// than are visible.
/// </remarks>
public sealed partial class SqsMessageQueue : IMessageQueue
{
    /// <summary>The largest batch SQS receives, sends or deletes at once.</summary>
    public const int MaxBatchSize = 10;

    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromHours(12);

    private const string ReceiveCountAttribute = "ApproximateReceiveCount";
    private const string SentTimestampAttribute = "SentTimestamp";

    private readonly IAmazonSQS _sqs;
    private readonly SqsQueueDirectory _directory;

    public SqsMessageQueue(IAmazonSQS sqs, AwsOptions options)
    {
        ArgumentNullException.ThrowIfNull(sqs);
        ArgumentNullException.ThrowIfNull(options);
        _sqs = sqs;
        _directory = new SqsQueueDirectory(sqs, options.Queues);
    }

    public async Task<string> SendAsync(string queue, string body, CancellationToken cancellationToken)
    {
        ValidateQueueName(queue);
        ArgumentNullException.ThrowIfNull(body);
        var url = await _directory.UrlOfAsync(queue, cancellationToken);
        var response = await _sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = url, MessageBody = body }, cancellationToken);
        return response.MessageId;
    }

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        ValidateQueueName(queue);
        ValidateBatch(maxMessages);
        ValidateVisibility(visibilityTimeout);
        var url = await _directory.UrlOfAsync(queue, cancellationToken);
        return await ReceiveFromAsync(url, maxMessages, Seconds(visibilityTimeout), waitSeconds: 0, cancellationToken);
    }

    public async Task DeleteAsync(string queue, string receiptHandle, CancellationToken cancellationToken)
    {
        ValidateQueueName(queue);
        ArgumentNullException.ThrowIfNull(receiptHandle);
        var url = await _directory.UrlOfAsync(queue, cancellationToken);
        try
        {
            await _sqs.DeleteMessageAsync(new DeleteMessageRequest { QueueUrl = url, ReceiptHandle = receiptHandle }, cancellationToken);
        }
        catch (AmazonSQSException e) when (IsStaleHandle(e))
        {
            // The delivery is over; its handle can no longer touch the message.
        }
    }

    public async Task ChangeVisibilityAsync(string queue, string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        ValidateQueueName(queue);
        ArgumentNullException.ThrowIfNull(receiptHandle);
        ValidateVisibility(visibilityTimeout);
        var url = await _directory.UrlOfAsync(queue, cancellationToken);
        try
        {
            await _sqs.ChangeMessageVisibilityAsync(new ChangeMessageVisibilityRequest
            {
                QueueUrl = url,
                ReceiptHandle = receiptHandle,
                VisibilityTimeout = Seconds(visibilityTimeout),
            }, cancellationToken);
        }
        catch (AmazonSQSException e) when (IsStaleHandle(e))
        {
            // The delivery is over; its handle can no longer touch the message.
        }
    }

    private async Task<List<QueueMessage>> ReceiveFromAsync(string url, int maxMessages, int visibilitySeconds, int waitSeconds, CancellationToken cancellationToken)
    {
        var response = await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = url,
            MaxNumberOfMessages = maxMessages,
            VisibilityTimeout = visibilitySeconds,
            WaitTimeSeconds = waitSeconds,
            MessageSystemAttributeNames = [ReceiveCountAttribute, SentTimestampAttribute],
        }, cancellationToken);
        return (response.Messages ?? []).Select(ToQueueMessage).ToList();
    }

    private static QueueMessage ToQueueMessage(Message message)
    {
        var attributes = message.Attributes ?? [];
        var receiveCount = attributes.TryGetValue(ReceiveCountAttribute, out var count)
            && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedCount) ? parsedCount : 1;
        var sentAt = attributes.TryGetValue(SentTimestampAttribute, out var sent)
            && long.TryParse(sent, NumberStyles.None, CultureInfo.InvariantCulture, out var unixMs)
                ? DateTimeOffset.FromUnixTimeMilliseconds(unixMs)
                : DateTimeOffset.UnixEpoch;
        return new QueueMessage(message.MessageId, message.ReceiptHandle, message.Body, receiveCount, sentAt);
    }

    private static bool IsStaleHandle(AmazonSQSException e) =>
        e is MessageNotInflightException or ReceiptHandleIsInvalidException
        || (e.ErrorCode?.EndsWith("MessageNotInflight", StringComparison.Ordinal) ?? false)
        || (e.ErrorCode?.EndsWith("ReceiptHandleIsInvalid", StringComparison.Ordinal) ?? false);

    private static int Seconds(TimeSpan timeout) => (int)Math.Ceiling(timeout.TotalSeconds);

    private static void ValidateQueueName(string queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        if (!QueueNamePattern().IsMatch(queue))
        {
            throw new ArgumentException($"Invalid queue name '{queue}': use 1 to 80 letters, digits, '-' or '_', as SQS does.", nameof(queue));
        }
    }

    private static void ValidateBatch(int maxMessages)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, MaxBatchSize);
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
