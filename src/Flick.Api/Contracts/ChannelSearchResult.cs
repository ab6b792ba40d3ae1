namespace Flick.Api.Contracts;

public sealed record ChannelSearchResult(string SeriesId, string Query, IReadOnlyList<ChannelHit> Channels);
