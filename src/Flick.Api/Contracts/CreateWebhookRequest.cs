using System.Text.Json.Serialization;

namespace Flick.Api.Contracts;

/// <summary>A webhook: an http(s) URL and the notifications it wants (both when none are named).</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateWebhookRequest(string Url, IReadOnlyList<string>? Events = null);
