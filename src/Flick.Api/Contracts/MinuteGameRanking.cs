namespace Flick.Api.Contracts;

public sealed record MinuteGameRanking(string SeriesId, DateTimeOffset At, IReadOnlyList<MinuteGameEntry> Games);
