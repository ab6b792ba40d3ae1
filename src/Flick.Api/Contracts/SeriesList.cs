namespace Flick.Api.Contracts;

/// <summary>The series that have at least one run.</summary>
public sealed record SeriesList(IReadOnlyList<string> Series);
