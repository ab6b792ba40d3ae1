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

    /// <summary>The longest wait between two receives when nothing signals new messages.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
