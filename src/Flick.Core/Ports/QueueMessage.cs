namespace Flick.Core.Ports;

/// <param name="ReceiveCount">How many times the message has been received, this time included.</param>
public sealed record QueueMessage(string MessageId, string ReceiptHandle, string Body, int ReceiveCount, DateTimeOffset SentAt);
