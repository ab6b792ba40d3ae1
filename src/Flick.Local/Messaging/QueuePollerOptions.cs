namespace Flick.Local.Messaging;

/// <summary>How a <see cref="QueuePoller"/> reads its queue, like the settings of a Lambda SQS event source mapping.</summary>
/// <param name="Queue">The queue to consume.</param>
public sealed record QueuePollerOptions(string Queue)
{
    /// <summary>Messages per handler invocation, 1 to 10.</summary>
    public int BatchSize { get; init; } = SqliteMessageQueue.MaxBatchSize;

    /// <summary>How long a received batch stays invisible; a failed message comes back after it.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Batches handled at the same time.</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>
    /// Awaited before each receive, when set: the consumer takes no more messages until it completes.
    /// Messages meanwhile stay in the queue, visible, and their receive counts do not grow.
    /// </summary>
    public Func<CancellationToken, Task>? Admission { get; init; }

    /// <summary>The longest wait between two receives when nothing signals new messages.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
