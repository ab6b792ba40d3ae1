namespace Flick.Api.Contracts;

public sealed record GameSearchResult(string SeriesId, string Query, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<GameHit> Games);
