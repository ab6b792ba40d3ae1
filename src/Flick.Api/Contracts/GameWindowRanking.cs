namespace Flick.Api.Contracts;

public sealed record GameWindowRanking(string SeriesId, DateTimeOffset From, DateTimeOffset To, WindowTotal Total, IReadOnlyList<GameWindowEntry> Games);
