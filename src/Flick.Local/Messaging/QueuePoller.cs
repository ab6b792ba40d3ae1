using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Flick.Local.Messaging;

/// <summary>
/// Consumes one queue the way a Lambda SQS event source mapping does: receives batches, passes each to the handler
/// as the Lambda SQS event JSON, and deletes the messages that the handler's partial batch response does not name.
/// A handler exception or an unreadable response deletes nothing, so those messages come back after the visibility
/// timeout and, after the queue's maximum receive count, land in its dead-letter queue.
/// </summary>
public sealed partial class QueuePoller
{
    private readonly SqliteMessageQueue _queue;
    private readonly QueuePollerOptions _options;
    private readonly Func<string, CancellationToken, Task<string>> _handler;
    private readonly ILogger _logger;
    private int _inFlightBatches;

    /// <param name="handler">Takes the SQS event JSON and returns the partial batch response JSON.</param>
    public QueuePoller(SqliteMessageQueue queue, QueuePollerOptions options, Func<string, CancellationToken, Task<string>> handler, ILogger<QueuePoller>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.BatchSize, SqliteMessageQueue.MaxBatchSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Concurrency, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.PollInterval, TimeSpan.Zero);
        _queue = queue;
        _options = options;
        _handler = handler;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public string Queue => _options.Queue;

    /// <summary>Batches handed to the handler and not yet finished.</summary>
    public int InFlightBatches => Volatile.Read(ref _inFlightBatches);

    /// <summary>Polls until <paramref name="cancellationToken"/> is cancelled, then waits for the batches in flight.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(_options.Concurrency, _options.Concurrency);
        var running = new List<Task>();
        try
        {
            while (true)
            {
                if (_options.Admission is { } admission)
                {
                    await admission(cancellationToken);
                }

                await slots.WaitAsync(cancellationToken);
                IReadOnlyList<ReceivedMessage> batch;
                try
                {
                    batch = await _queue.ReceiveWithAttributesAsync(Queue, _options.BatchSize, _options.VisibilityTimeout, cancellationToken);
                }
                catch
                {
                    slots.Release();
                    throw;
                }

                if (batch.Count == 0)
                {
                    slots.Release();
                    await _queue.WaitForMessagesAsync(Queue, _options.PollInterval, cancellationToken);
                    continue;
                }

                Interlocked.Increment(ref _inFlightBatches);
                running.RemoveAll(task => task.IsCompleted);
                running.Add(Task.Run(async () =>
                {
                    try
                    {
                        await ProcessBatchAsync(batch, cancellationToken);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _inFlightBatches);
                        slots.Release();
                    }
                }, CancellationToken.None));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal end of the loop.
        }
        finally
        {
            await Task.WhenAll(running);
        }
    }

    /// <returns>How many messages were deleted.</returns>
    internal async Task<int> ProcessBatchAsync(IReadOnlyList<ReceivedMessage> batch, CancellationToken cancellationToken)
    {
        var eventJson = SqsEventFactory.CreateJson(Queue, batch);
        string response;
        try
        {
            response = await _handler(eventJson, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception exception)
        {
            LogHandlerFailed(exception, Queue, batch.Count);
            return 0;
        }

        var messageIds = batch.Select(received => received.Message.MessageId).ToHashSet(StringComparer.Ordinal);
        var failures = BatchResponseReader.ReadFailures(response, messageIds);
        if (failures is null)
        {
            LogUnreadableResponse(Queue, batch.Count);
            return 0;
        }

        var done = batch.Where(received => !failures.Contains(received.Message.MessageId))
            .Select(received => received.Message.ReceiptHandle)
            .ToList();
        // The work is done: finish the deletes even when stopping, or the messages would run again.
        await _queue.DeleteBatchAsync(Queue, done, CancellationToken.None);
        if (failures.Count > 0)
        {
            LogPartialFailure(Queue, failures.Count, batch.Count);
        }

        return done.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handler of queue {Queue} threw; none of the {Count} messages were deleted")]
    private partial void LogHandlerFailed(Exception exception, string queue, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handler of queue {Queue} returned an unreadable batch response; none of the {Count} messages were deleted")]
    private partial void LogUnreadableResponse(string queue, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handler of queue {Queue} reported {Failed} of {Count} messages as failed")]
    private partial void LogPartialFailure(string queue, int failed, int count);
}
