namespace Flick.Api.Contracts;

/// <summary>A channel's profile (DESIGN §3): the latest observation's fields, first and last seen, and the all-time peak.</summary>
public sealed record ChannelProfileView(string UserId, string Login, string Name, string Language, string Title, string GameId, string GameName, string StreamId, DateTimeOffset? StartedAt, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, int PeakViewers, DateTimeOffset PeakAt);
