using Flick.Api.Notifications;
using Flick.Core.Ports;

namespace Flick.Api.Service;

/// <summary>
/// Reads the pipeline's notifications that an EventBridge rule delivers to an SQS queue and hands them
/// to the API (cache invalidation, the notification stream, webhooks). One instance of the service
/// taking an event is enough: the raised series version reaches the other instances through Redis.
/// A message that is not a notification is deleted after a warning (it can never become one); a
/// failure to hand one over leaves it on the queue, to come back after the visibility timeout.
/// </summary>
public sealed partial class NotificationQueuePoller(IMessageQueue queue, string queueName, INotificationSink sink, ILogger<NotificationQueuePoller> logger)
    : IAsyncDisposable
{
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Backoff = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    /// <summary>How many notifications were handed to the API.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    private long _delivered;

    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _stop.Dispose();
    }

    /// <summary>Receives one batch and handles it; returns how many messages it received.</summary>
    public async Task<int> PollOnceAsync(CancellationToken ct)
    {
        var messages = await queue.ReceiveAsync(queueName, 10, Visibility, ct);
        foreach (var message in messages)
        {
            if (!await sink.PublishAsync(message.Body, ct))
            {
                LogNotANotification(logger, queueName, message.MessageId);
            }
            else
            {
                Interlocked.Increment(ref _delivered);
            }

            await queue.DeleteAsync(queueName, message.ReceiptHandle, ct);
        }

        return messages.Count;
    }

    private async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await PollOnceAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogPollFailed(logger, queueName, e);
                await Task.Delay(Backoff, ct);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message on {Queue} ({MessageId}) is not a SeriesReady/SeriesFailed event; deleted")]
    private static partial void LogNotANotification(ILogger logger, string queue, string messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading notifications from {Queue} failed; retrying")]
    private static partial void LogPollFailed(ILogger logger, string queue, Exception exception);
}
