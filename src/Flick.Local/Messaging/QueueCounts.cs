namespace Flick.Local.Messaging;

/// <param name="Visible">Messages that a receive would return now.</param>
/// <param name="InFlight">Messages received and not yet deleted whose visibility timeout has not run out.</param>
/// <param name="DeadLetters">Messages in the queue's dead-letter queue.</param>
public sealed record QueueCounts(int Visible, int InFlight, int DeadLetters);
