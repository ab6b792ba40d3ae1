namespace Flick.Pipeline.Sources;

/// <summary>Why a page could not be fetched, for the pull record; <paramref name="Message"/> is for people.</summary>
public sealed record HelixFailure(HelixFailureKind Kind, string Message);
