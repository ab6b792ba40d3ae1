using System.Text.Json.Serialization;

namespace Flick.Api.Contracts;

/// <summary>
/// A re-run of a series: every stored slot, or those in [From, To). The same request id gives the
/// same run id, so a retried request starts nothing twice.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RerunRequest(string? From = null, string? To = null, string? RequestId = null);
