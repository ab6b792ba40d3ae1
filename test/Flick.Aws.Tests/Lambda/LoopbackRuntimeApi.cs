using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Flick.Aws.Tests.Lambda;

/// <summary>
/// The Lambda Runtime API (2018-06-01) on 127.0.0.1, written from AWS's documentation for the
/// tests: <c>invocation/next</c> hands out queued events (a long poll while none is queued) and
/// every response, invocation error and init error is recorded.
/// </summary>
public sealed class LoopbackRuntimeApi : IAsyncDisposable
{
    public const string FunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:flick-test";
    private const string Prefix = "/2018-06-01/runtime/";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TimeProvider _time;
    private readonly Channel<Queued> _queue = Channel.CreateUnbounded<Queued>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<RuntimeApiRecord>> _outcomes = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<RuntimeApiRecord> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<TcpClient> _clients = [];
    private readonly Task _accepting;
    private int _nextRequests;
    private int _sequence;

    private LoopbackRuntimeApi(TimeProvider time)
    {
        _time = time;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The <c>host:port</c> to put in <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>How many <c>invocation/next</c> requests arrived.</summary>
    public int NextRequests => Volatile.Read(ref _nextRequests);

    public static LoopbackRuntimeApi Start(TimeProvider? time = null) => new(time ?? TimeProvider.System);

    /// <summary>Queues an event whose deadline is <paramref name="timeout"/> from now; returns its request id.</summary>
    public string Enqueue(string payload, TimeSpan timeout, string? traceId = null)
    {
        var requestId = $"req-{Interlocked.Increment(ref _sequence):D4}-{Guid.NewGuid():N}";
        _outcomes[requestId] = new TaskCompletionSource<RuntimeApiRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Writer.TryWrite(new Queued(requestId, payload, _time.GetUtcNow() + timeout, traceId)).ShouldBeTrue();
        return requestId;
    }

    public Task<RuntimeApiRecord> OutcomeAsync(string requestId) => _outcomes[requestId].Task.WaitAsync(Patience);

    public bool HasOutcome(string requestId) => _outcomes[requestId].Task.IsCompleted;

    public Task<RuntimeApiRecord> InitErrorAsync() => _initError.Task.WaitAsync(Patience);

    public bool HasInitError => _initError.Task.IsCompleted;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            client.NoDelay = true;
            _clients.Add(client);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            var stream = client.GetStream();
            while (await HttpWire.ReadRequestAsync(stream, _stop.Token) is { } request)
            {
                var (status, headers, body) = await RouteAsync(request);
                await HttpWire.WriteResponseAsync(stream, status, headers, body, _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The host hung up, or the test is over.
        }
    }

    private async Task<(int Status, IReadOnlyList<(string, string)> Headers, string Body)> RouteAsync(HttpWire.Request request)
    {
        var path = request.Path;
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return (404, [], "{\"errorMessage\":\"unknown path\"}");
        }

        path = path[Prefix.Length..];
        if (request.Method == "GET" && path == "invocation/next")
        {
            Interlocked.Increment(ref _nextRequests);
            var next = await _queue.Reader.ReadAsync(_stop.Token);
            var headers = new List<(string, string)>
            {
                ("Lambda-Runtime-Aws-Request-Id", next.RequestId),
                ("Lambda-Runtime-Deadline-Ms", next.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
                ("Lambda-Runtime-Invoked-Function-Arn", FunctionArn),
            };
            if (next.TraceId is not null)
            {
                headers.Add(("Lambda-Runtime-Trace-Id", next.TraceId));
            }

            return (200, headers, next.Payload);
        }

        var errorType = request.Headers.GetValueOrDefault("lambda-runtime-function-error-type");
        if (request.Method == "POST" && path == "init/error")
        {
            _initError.TrySetResult(new RuntimeApiRecord(RuntimeApiRecord.InitError, request.Body, errorType));
            return (202, [], "{\"status\":\"OK\"}");
        }

        var parts = path.Split('/');
        if (request.Method == "POST" && parts is ["invocation", var id, "response" or "error"] && _outcomes.TryGetValue(Uri.UnescapeDataString(id), out var outcome))
        {
            var kind = parts[2] == "response" ? RuntimeApiRecord.Response : RuntimeApiRecord.Error;
            return outcome.TrySetResult(new RuntimeApiRecord(kind, request.Body, errorType))
                ? (202, [], "{\"status\":\"OK\"}")
                : (400, [], "{\"errorType\":\"InvalidStateTransition\"}");
        }

        return (404, [], "{\"errorMessage\":\"unknown request\"}");
    }

    private sealed record Queued(string RequestId, string Payload, DateTimeOffset Deadline, string? TraceId);
}
