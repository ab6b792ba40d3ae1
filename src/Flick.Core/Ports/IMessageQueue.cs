namespace Flick.Core.Ports;

/// <summary>
/// Durable queues with SQS semantics: a received message is invisible for the visibility timeout,
/// comes back if not deleted, and moves to the queue's dead-letter queue after the maximum receive count.
/// </summary>
public interface IMessageQueue
{
    Task<string> SendAsync(string queue, string body, CancellationToken cancellationToken);

    Task<IReadOnlyList<QueueMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken);

    Task DeleteAsync(string queue, string receiptHandle, CancellationToken cancellationToken);

    Task ChangeVisibilityAsync(string queue, string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken);

    /// <summary>Messages that reached the dead-letter queue of <paramref name="queue"/>, oldest first.</summary>
    Task<IReadOnlyList<QueueMessage>> PeekDeadLettersAsync(string queue, int maxMessages, CancellationToken cancellationToken);

    /// <summary>Moves dead letters back to <paramref name="queue"/>; returns how many moved.</summary>
    Task<int> RedriveAsync(string queue, CancellationToken cancellationToken);
}
