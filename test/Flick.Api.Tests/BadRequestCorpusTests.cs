using System.Text;
using Flick.Api.Tests.Support;

namespace Flick.Api.Tests;

/// <summary>
/// A corpus of bad requests — bad dates, huge windows, injection strings, path traversal, oversized
/// bodies, unknown fields — each answered by a 4xx problem, never by a 5xx.
/// </summary>
public sealed class BadRequestCorpusTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Series = "/api/series/sim";

    public static IEnumerable<(string Method, string Path, string? Body, string ContentType)> Corpus()
    {
        string[] badSeries = ["SIM", "-sim", new string('a', 64), "sim..", "..%2F..%2Fetc", "sim%01", "sim'--", "%3Cscript%3E", "sim%20or%201%3D1", "%EF%BD%93im", "sim%2Fslots", "sim_1"];
        foreach (var s in badSeries)
        {
            yield return Get($"/api/series/{s}/channels?q=a");
            yield return Get($"/api/series/{s}/rankings/games/window");
        }

        string[] badTimes = ["yesterday", "2026-13-01T00:00Z", "2026-01-05T10:00:30Z", "2026-01-05", "0001-01-01T00:00Z", "9999-12-31T23:59Z", "2026-01-05T10:00",
            "1e10", "", "2026-01-05T10:00Z'%3B%20DROP%20TABLE%20runs", "2026-01-05T10:00:00.5Z", "%00", "2026-02-30T10:00Z", "2026-01-05T25:00Z"];
        foreach (var t in badTimes)
        {
            yield return Get($"{Series}/channels/1003/viewers?from={t}&to=2026-01-05T12:00Z");
            yield return Get($"{Series}/rankings/channels/minute?at={t}");
        }

        string[] badWindows = ["from=2026-01-05T10:00Z", "to=2026-01-05T10:00Z", "from=2026-01-05T10:00Z&to=2026-01-05T10:00Z", "from=2026-01-05T12:00Z&to=2026-01-05T10:00Z",
            "from=2026-01-01T00:00Z&to=2026-02-01T00:01Z", "from=2025-01-01T00:00Z&to=2026-01-01T00:00Z", "from=1971-01-01T00:00Z&to=9998-01-01T00:00Z"];
        foreach (var w in badWindows)
        {
            yield return Get($"{Series}/rankings/channels/window?{w}");
            yield return Get($"{Series}/games?q=a&{w}");
            yield return Get($"{Series}/channels/1003?{w}");
        }

        foreach (var step in new[] { "2m", "1M", "60", "", "1h%3B", "%00", "1d1d" })
        {
            yield return Get($"{Series}/games/509658/viewers?step={step}");
        }

        yield return Get($"{Series}/channels/1003/viewers?from=2026-01-01T00:00Z&to=2026-01-31T00:00Z&step=1m");
        foreach (var limit in new[] { "0", "-1", "1001", "abc", "1e3", "99999999999", "%205", "%2B5", "5.0", "" })
        {
            yield return Get($"{Series}/rankings/channels/window?limit={limit}");
        }

        foreach (var q in new[] { "", new string('a', 101), "%00", "%01abc", "%20%20" })
        {
            yield return Get($"{Series}/channels?q={q}");
        }

        yield return Get($"{Series}/channels");
        foreach (var id in new[] { "abc-def", new string('1', 65), "..", "%2e%2e", "1003%01", "%3Cscript%3E", "'%20OR%201%3D1%20--", "..%2F..%2Fetc%2Fpasswd" })
        {
            yield return Get($"{Series}/channels/{id}");
            yield return Get($"{Series}/games/{id}/viewers");
        }

        yield return Get($"{Series}/runs?status=bogus");
        yield return Get($"{Series}/runs?status=1");
        yield return Get($"/api/runs/{new string('r', 81)}");
        yield return Get("/api/runs/run.json");
        yield return Get("/api/runs/nonexistent-run");
        foreach (var queue in new[] { "nope", "..", "pull-requests-dlq", "INGEST" })
        {
            yield return Get($"/api/dead-letters/{queue}");
            yield return Post($"/api/dead-letters/{queue}/redrive", null);
        }

        yield return Get("/api/pulls");
        yield return Get("/api/pulls?source=../etc");
        yield return Get("/etc/passwd");
        yield return Get("/api/nothing-here");
        yield return ("PUT", "/api/series", "{}", "application/json");
        yield return ("DELETE", $"{Series}/runs", null, "application/json");

        var huge = "{\"source\":\"" + new string('x', 100_000) + "\"}";
        string[] pullBodies = ["{", "[]", "null", "{\"source\":\"sim\",\"extra\":1}", "{}", "{\"source\":null}", "{\"source\":\"SIM\"}", "{\"source\":\"sim\",\"at\":\"soon\"}",
            "{\"source\":\"nosuchsource\"}", "{\"source\":7}", huge, "", "{\"source\":\"sim\"} trailing"];
        foreach (var body in pullBodies)
        {
            yield return Post("/api/pulls", body);
        }

        yield return ("POST", "/api/pulls", "source=sim", "text/plain");
        yield return ("POST", "/api/pulls", "source=sim", "application/x-www-form-urlencoded");
        string[] rerunBodies = ["{\"from\":\"bad\",\"to\":\"2026-01-05T11:00Z\"}", "{\"from\":\"2026-01-05T10:00Z\"}", "{\"nope\":1}", "{\"requestId\":\"" + new string('i', 101) + "\"}",
            "{\"requestId\":\"a\\u0001b\"}", "{\"requestId\":\"\"}", "{\"from\":\"2026-01-05T10:00Z\",\"to\":\"2026-03-05T10:00Z\"}", "[1,2]", huge];
        foreach (var body in rerunBodies)
        {
            yield return Post($"{Series}/runs", body);
        }

        string[] userBodies = ["{}", "{\"userName\":\"a b\",\"role\":\"viewer\"}", "{\"userName\":\"x\",\"role\":\"root\"}", "{\"userName\":\"x\",\"role\":\"viewer\",\"password\":\"short\"}",
            "{\"userName\":\"x\",\"role\":\"viewer\",\"isAdmin\":true}", "{\"userName\":\"" + new string('u', 65) + "\",\"role\":\"viewer\"}", "{\"userName\":\"viewer1\",\"role\":\"viewer\"}",
            "{\"userName\":null,\"role\":\"viewer\"}", "{\"userName\":\"../admin\",\"role\":\"admin\"}"];
        foreach (var body in userBodies)
        {
            yield return Post("/api/users", body);
        }

        yield return ("PATCH", "/api/users/viewer1", "{\"role\":\"god\"}", "application/json");
        yield return ("PATCH", "/api/users/viewer1", "{\"password\":\"short\"}", "application/json");
        yield return ("PATCH", "/api/users/nobody", "{\"role\":\"viewer\"}", "application/json");
        yield return ("PATCH", "/api/users/admin1", "{\"role\":\"viewer\"}", "application/json");
        yield return ("DELETE", "/api/users/admin1", null, "application/json");
        string[] webhookBodies = ["{\"url\":\"ftp://example.test/x\"}", "{\"url\":\"not a url\"}", "{\"url\":\"http://u:p@example.test/\"}", "{\"url\":\"http://example.test/\",\"events\":[\"Nope\"]}",
            "{\"url\":\"http://example.test/\",\"events\":[]}", "{\"url\":\"http://example.test/\",\"secret\":\"mine\"}", "{\"url\":\"/relative\"}", "{}"];
        foreach (var body in webhookBodies)
        {
            yield return Post("/api/webhooks", body);
        }

        yield return Post("/api/auth/token", "{}");
        yield return Post("/api/auth/token", "{\"userName\":1,\"password\":\"x\"}");
        yield return Post("/api/auth/token", "{\"userName\":\"admin1\",\"password\":\"wrong password\"}");
        yield return Post("/api/auth/token", "{\"userName\":\"admin1\",\"password\":\"x\",\"role\":\"admin\"}");
        yield return Post("/api/auth/token", "{\"userName\":\"' OR 1=1 --\",\"password\":\"x\"}");

        static (string, string, string?, string) Get(string path) => ("GET", path, null, "application/json");
        static (string, string, string?, string) Post(string path, string? body) => ("POST", path, body, "application/json");
    }

    [Fact]
    public void Corpus_ShouldHoldAtLeastAHundredRequests() => Corpus().Count().ShouldBeGreaterThanOrEqualTo(100);

    [Fact]
    public async Task EveryBadRequest_ShouldBeA4xxProblem_AndNever5xx()
    {
        using var client = await api.ClientAsync("admin");
        var failures = new List<string>();
        foreach (var (method, path, body, contentType) in Corpus())
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, contentType);
            }

            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            var media = response.Content.Headers.ContentType?.MediaType;
            if (status is < 400 or >= 500 || media != "application/problem+json")
            {
                failures.Add($"{method} {path[..Math.Min(path.Length, 120)]} {body?[..Math.Min(body.Length, 60)]}: {status} {media}");
            }
        }

        failures.ShouldBeEmpty();
    }
}
