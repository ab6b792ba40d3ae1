namespace Flick.Api.Contracts;

/// <summary>A game's place in a minute's ranking, and its place the minute before (null when it was not ranked).</summary>
public sealed record MinuteGameEntry(int Rank, int? PreviousRank, int? RankChange, string GameId, string Name, long Viewers, int Channels);
