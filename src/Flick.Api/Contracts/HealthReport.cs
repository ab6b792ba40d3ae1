namespace Flick.Api.Contracts;

/// <summary>Readiness: 'ready', 'degraded' (Redis down: answers come from the store) or 'unavailable' (the store is down).</summary>
public sealed record HealthReport(string Status, ComponentHealth Store, ComponentHealth Redis);
