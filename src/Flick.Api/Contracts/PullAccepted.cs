namespace Flick.Api.Contracts;

/// <summary>A manual pull on the pull-request queue.</summary>
public sealed record PullAccepted(string MessageId, string Source, DateTimeOffset? At);
