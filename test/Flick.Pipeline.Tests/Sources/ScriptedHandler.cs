using System.Globalization;
using System.Net;
using System.Text;

namespace Flick.Pipeline.Tests.Sources;

/// <summary>An HTTP handler that answers from a script and records what it was sent, and when on the fake clock.</summary>
internal sealed class ScriptedHandler(TimeProvider time) : HttpMessageHandler
{
    private readonly Queue<Func<CancellationToken, Task<HttpResponseMessage>>> _script = new();

    public List<(Uri Uri, Dictionary<string, string> Headers, DateTimeOffset SentAt)> Requests { get; } = [];

    public ScriptedHandler Respond(int status, string body = "{\"data\":[],\"pagination\":{}}", int? remaining = null, DateTimeOffset? reset = null) =>
        Respond(status, Encoding.UTF8.GetBytes(body), remaining, reset);

    public ScriptedHandler Respond(int status, byte[] body, int? remaining = null, DateTimeOffset? reset = null)
    {
        _script.Enqueue(_ =>
        {
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new ByteArrayContent(body) };
            response.Headers.Add("Ratelimit-Limit", "800");
            if (remaining is { } r)
            {
                response.Headers.Add("Ratelimit-Remaining", r.ToString(CultureInfo.InvariantCulture));
            }

            if (reset is { } at)
            {
                response.Headers.Add("Ratelimit-Reset", at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            }

            return Task.FromResult(response);
        });
        return this;
    }

    public ScriptedHandler Respond(Func<HttpResponseMessage> response)
    {
        _script.Enqueue(_ => Task.FromResult(response()));
        return this;
    }

    public ScriptedHandler Throw(Exception exception)
    {
        _script.Enqueue(_ => Task.FromException<HttpResponseMessage>(exception));
        return this;
    }

    /// <summary>Never answers; only the request's cancellation ends the wait.</summary>
    public ScriptedHandler Hang()
    {
        _script.Enqueue(async cancellationToken =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        Requests.Add((request.RequestUri!, headers, time.GetUtcNow()));
        return _script.TryDequeue(out var next)
            ? next(cancellationToken)
            : throw new InvalidOperationException($"Unscripted request {Requests.Count}: {request.RequestUri}");
    }
}
