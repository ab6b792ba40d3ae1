using System.Collections.Concurrent;
using System.Net;

namespace Flick.Api.Tests.Support;

/// <summary>A webhook receiver: records each request, and answers with the next scripted status (then 200).</summary>
public sealed class RecordingHandler(params HttpStatusCode[] script) : HttpMessageHandler
{
    private readonly ConcurrentQueue<HttpStatusCode> _script = new(script);

    public ConcurrentQueue<(HttpRequestMessage Request, string Body)> Received { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Received.Enqueue((request, await request.Content!.ReadAsStringAsync(cancellationToken)));
        return new HttpResponseMessage(_script.TryDequeue(out var status) ? status : HttpStatusCode.OK);
    }
}
