namespace Flick.Local.Messaging;

/// <summary>A rule of the local event bus: events matching <paramref name="Pattern"/> go to <paramref name="Target"/>.</summary>
/// <param name="Target">Receives the whole event envelope JSON.</param>
public sealed record EventRule(string Name, EventPattern Pattern, Func<string, CancellationToken, Task> Target);
