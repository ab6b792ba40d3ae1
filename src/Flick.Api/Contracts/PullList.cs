namespace Flick.Api.Contracts;

public sealed record PullList(string Source, IReadOnlyList<PullView> Pulls);
