namespace Flick.Api.Contracts;

public sealed record RunList(string SeriesId, IReadOnlyList<RunView> Runs);
