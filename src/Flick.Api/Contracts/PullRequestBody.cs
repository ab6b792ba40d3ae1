using System.Text.Json.Serialization;

namespace Flick.Api.Contracts;

/// <summary>A manual pull of <see cref="Source"/>, now or for the minute <see cref="At"/>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PullRequestBody(string Source, string? At = null);
