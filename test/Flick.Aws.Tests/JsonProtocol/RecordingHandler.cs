using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Flick.Aws.Tests.JsonProtocol;

/// <summary>
/// A loopback HTTP fake: records every request (headers as sent, body) and answers from a script, one
/// response per request, in order; the last scripted response repeats once the script runs out.
/// </summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<RecordedRequest, HttpResponseMessage>> _script = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _gate = new();
    private Func<RecordedRequest, HttpResponseMessage>? _last;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public RecordingHandler Then(Func<RecordedRequest, HttpResponseMessage> respond)
    {
        _script.Enqueue(respond);
        return this;
    }

    public RecordingHandler ThenJson(HttpStatusCode status, string json, string? contentType = null, params (string Name, string Value)[] headers) =>
        Then(_ => Json(status, json, contentType, headers));

    public static HttpResponseMessage Json(HttpStatusCode status, string json, string? contentType = null, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8) };
        response.Content.Headers.ContentType = new(contentType ?? "application/x-amz-json-1.0");
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        if (request.Headers.Host is { } host)
        {
            headers["Host"] = host;
        }

        var recorded = new RecordedRequest(request.Method, request.RequestUri!, headers, body);
        lock (_gate)
        {
            _requests.Add(recorded);
        }

        if (_script.TryDequeue(out var next))
        {
            _last = next;
        }

        var respond = _last ?? throw new InvalidOperationException("The handler has no scripted response.");
        return respond(recorded);
    }
}
