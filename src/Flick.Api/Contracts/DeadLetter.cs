namespace Flick.Api.Contracts;

public sealed record DeadLetter(string MessageId, string Body, int ReceiveCount, DateTimeOffset SentAt);
