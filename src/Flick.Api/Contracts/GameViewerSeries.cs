namespace Flick.Api.Contracts;

public sealed record GameViewerSeries(string SeriesId, string GameId, string Name, DateTimeOffset From, DateTimeOffset To, string Step, IReadOnlyList<GamePoint> Points);
