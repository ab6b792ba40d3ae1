namespace Flick.Api.Contracts;

public sealed record ChannelWindowRanking(string SeriesId, DateTimeOffset From, DateTimeOffset To, WindowTotal Total, IReadOnlyList<ChannelWindowEntry> Channels);
