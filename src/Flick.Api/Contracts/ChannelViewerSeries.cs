namespace Flick.Api.Contracts;

public sealed record ChannelViewerSeries(string SeriesId, string UserId, DateTimeOffset From, DateTimeOffset To, string Step, IReadOnlyList<ChannelPoint> Points);
