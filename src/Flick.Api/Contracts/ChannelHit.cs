namespace Flick.Api.Contracts;

/// <summary>A channel found by search, with its profile's latest fields and its peak.</summary>
public sealed record ChannelHit(string UserId, string Login, string Name, string GameId, string GameName, string Language, int PeakViewers, DateTimeOffset PeakAt, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);
