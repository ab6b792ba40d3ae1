namespace Flick.Api.Contracts;

/// <summary>A configured source: what a manual pull names, and the series its samples feed; whether it can pull a past minute.</summary>
public sealed record SourceView(string Name, string SeriesId, bool AllowsPastMinutes);
