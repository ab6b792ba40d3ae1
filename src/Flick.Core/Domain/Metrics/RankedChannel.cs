namespace Flick.Core.Domain.Metrics;

/// <summary>A channel's place in a slot ranking (rank is 1-based).</summary>
public sealed record RankedChannel(int Rank, string UserId, string UserLogin, string UserName, string GameId, string GameName, int Viewers);
