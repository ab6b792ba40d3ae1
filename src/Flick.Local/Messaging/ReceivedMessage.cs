using Flick.Core.Ports;

namespace Flick.Local.Messaging;

/// <summary>A received message with the system attributes that the Lambda SQS event carries besides the port's fields.</summary>
internal sealed record ReceivedMessage(QueueMessage Message, DateTimeOffset FirstReceivedAt);
