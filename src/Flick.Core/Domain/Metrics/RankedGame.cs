namespace Flick.Core.Domain.Metrics;

/// <summary>A game's place in a slot ranking (rank is 1-based).</summary>
public sealed record RankedGame(int Rank, string GameId, string GameName, long Viewers, int Channels);
