namespace Flick.Api.Contracts;

public sealed record ChannelDetail(string SeriesId, ChannelProfileView Profile, ChannelWindowSummary Window);
