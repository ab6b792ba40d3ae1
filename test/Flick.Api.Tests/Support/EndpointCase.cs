using System.Text;

namespace Flick.Api.Tests.Support;

/// <summary>One endpoint of the API as the role matrix calls it; <see cref="Role"/> null means open to anyone.</summary>
public sealed record EndpointCase(string Method, string Pattern, string Path, string? Role, string? Body = null, bool Streams = false)
{
    public static IReadOnlyList<EndpointCase> All { get; } =
    [
        new("GET", "/health/live", "/health/live", null),
        new("GET", "/health/ready", "/health/ready", null),
        new("GET", "/openapi/{documentName}.json", "/openapi/v1.json", null),
        new("POST", "/api/auth/token", "/api/auth/token", null, """{"userName":"viewer1","password":"correct horse battery staple"}"""),
        new("GET", "/api/auth/me", "/api/auth/me", "viewer"),
        new("GET", "/api/series/", "/api/series", "viewer"),
        new("GET", "/api/series/{seriesId}/channels/", "/api/series/sim/channels?q=chan", "viewer"),
        new("GET", "/api/series/{seriesId}/channels/{userId}", "/api/series/sim/channels/1003", "viewer"),
        new("GET", "/api/series/{seriesId}/channels/{userId}/viewers", "/api/series/sim/channels/1003/viewers", "viewer"),
        new("GET", "/api/series/{seriesId}/games/", "/api/series/sim/games?q=a", "viewer"),
        new("GET", "/api/series/{seriesId}/games/{gameId}/viewers", "/api/series/sim/games/509658/viewers", "viewer"),
        new("GET", "/api/series/{seriesId}/rankings/channels/minute", "/api/series/sim/rankings/channels/minute", "viewer"),
        new("GET", "/api/series/{seriesId}/rankings/games/minute", "/api/series/sim/rankings/games/minute", "viewer"),
        new("GET", "/api/series/{seriesId}/rankings/channels/window", "/api/series/sim/rankings/channels/window", "viewer"),
        new("GET", "/api/series/{seriesId}/rankings/games/window", "/api/series/sim/rankings/games/window", "viewer"),
        new("GET", "/api/notifications/stream", "/api/notifications/stream", "viewer", Streams: true),
        new("GET", "/api/series/{seriesId}/runs", "/api/series/sim/runs", "operator"),
        new("POST", "/api/series/{seriesId}/runs", "/api/series/sim/runs", "operator", "{}"),
        new("GET", "/api/runs/{runId}", "/api/runs/sim-backfill", "operator"),
        new("GET", "/api/sources", "/api/sources", "operator"),
        new("POST", "/api/pulls", "/api/pulls", "operator", """{"source":"sim"}"""),
        new("GET", "/api/pulls", "/api/pulls?source=sim", "operator"),
        new("GET", "/api/dead-letters/{queue}", "/api/dead-letters/ingest", "operator"),
        new("POST", "/api/dead-letters/{queue}/redrive", "/api/dead-letters/ingest/redrive", "operator"),
        new("GET", "/api/users/", "/api/users", "admin"),
        new("POST", "/api/users/", "/api/users", "admin", """{"userName":"matrix","role":"viewer"}"""),
        new("PATCH", "/api/users/{userName}", "/api/users/viewer1", "admin", """{"role":"viewer"}"""),
        new("DELETE", "/api/users/{userName}", "/api/users/nosuchuser", "admin"),
        new("GET", "/api/webhooks/", "/api/webhooks", "admin"),
        new("POST", "/api/webhooks/", "/api/webhooks", "admin", """{"url":"http://127.0.0.1:9/hook"}"""),
        new("DELETE", "/api/webhooks/{id}", "/api/webhooks/nosuch", "admin"),
        new("GET", "/api/webhooks/{id}/deliveries", "/api/webhooks/nosuch/deliveries", "admin"),
    ];

    public HttpRequestMessage Request()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Path);
        if (Body is not null)
        {
            request.Content = new StringContent(Body, Encoding.UTF8, "application/json");
        }

        return request;
    }

    public override string ToString() => $"{Method} {Path}";
}
