namespace Flick.Api.Contracts;

public sealed record MinuteChannelRanking(string SeriesId, DateTimeOffset At, IReadOnlyList<MinuteChannelEntry> Channels);
