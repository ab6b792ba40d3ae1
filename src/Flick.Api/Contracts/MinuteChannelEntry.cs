namespace Flick.Api.Contracts;

/// <summary>A channel's place in a minute's ranking, and its place the minute before (null when it was not ranked).</summary>
public sealed record MinuteChannelEntry(int Rank, int? PreviousRank, int? RankChange, string UserId, string Login, string Name, string GameId, string GameName, int Viewers);
