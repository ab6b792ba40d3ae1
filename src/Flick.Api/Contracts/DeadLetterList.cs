namespace Flick.Api.Contracts;

public sealed record DeadLetterList(string Queue, IReadOnlyList<DeadLetter> Messages);
