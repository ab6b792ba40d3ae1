namespace Flick.Api.Contracts;

/// <summary>The sources the pipeline is configured with; empty when the host does not say.</summary>
public sealed record SourceList(IReadOnlyList<SourceView> Sources);
