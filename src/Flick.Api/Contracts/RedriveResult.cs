namespace Flick.Api.Contracts;

public sealed record RedriveResult(string Queue, int Moved);
