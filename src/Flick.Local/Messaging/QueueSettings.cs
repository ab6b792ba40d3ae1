namespace Flick.Local.Messaging;

/// <summary>The redrive policy of one queue, as SQS configures it on the source queue.</summary>
/// <param name="MaxReceiveCount">
/// How many times a message may be received; the receive that would exceed it moves the message to the
/// dead-letter queue instead.
/// </param>
public sealed record QueueSettings(int MaxReceiveCount = QueueSettings.DefaultMaxReceiveCount)
{
    public const int DefaultMaxReceiveCount = 5;
}
