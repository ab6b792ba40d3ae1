using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Flick.LambdaBench;

/// <summary>
/// The Lambda Runtime API (2018-06-01) on 127.0.0.1, an ephemeral port, for one invocation: the first
/// <c>invocation/next</c> gets the event, later ones are held open (Lambda would freeze the process there),
/// and the first <c>invocation/{id}/response</c> or <c>/error</c> (or <c>init/error</c>) is recorded with
/// the time it arrived on the <see cref="Stopwatch"/> passed in.
/// </summary>
internal sealed class RuntimeApiStub : IAsyncDisposable
{
    private const string RequestId = "bench-request-1";
    private const string Prefix = "/2018-06-01/runtime/";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _payload;
    private readonly Stopwatch _clock;
    private readonly TaskCompletionSource<Outcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = [];
    private readonly Task _accepting;
    private int _handedOut;

    public RuntimeApiStub(string payload, Stopwatch clock)
    {
        _payload = payload;
        _clock = clock;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Address => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public Task<Outcome> OutcomeAsync(TimeSpan patience) => _outcome.Task.WaitAsync(patience);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_clients)
        {
            _clients.ForEach(c => c.Dispose());
        }

        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            client.NoDelay = true;
            lock (_clients)
            {
                _clients.Add(client);
            }

            _ = ServeAsync(client.GetStream());
        }
    }

    private async Task ServeAsync(NetworkStream stream)
    {
        try
        {
            while (await ReadRequestAsync(stream) is var (method, path, body, arrived))
            {
                var route = path.StartsWith(Prefix, StringComparison.Ordinal) ? path[Prefix.Length..] : path;
                if (method == "GET" && route == "invocation/next")
                {
                    if (Interlocked.Increment(ref _handedOut) > 1)
                    {
                        await Task.Delay(Timeout.Infinite, _stop.Token);
                    }

                    var deadline = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                    await WriteAsync(stream, 200, _payload,
                        ("Lambda-Runtime-Aws-Request-Id", RequestId),
                        ("Lambda-Runtime-Deadline-Ms", deadline),
                        ("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:123456789012:function:flick-bench"),
                        ("Lambda-Runtime-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"));
                    continue;
                }

                if (method == "POST")
                {
                    var kind = route.EndsWith("/response", StringComparison.Ordinal) ? "response" : route.EndsWith("/error", StringComparison.Ordinal) ? "error" : route;
                    _outcome.TrySetResult(new Outcome(kind, body, arrived));
                    await WriteAsync(stream, 202, "{\"status\":\"OK\"}");
                    continue;
                }

                await WriteAsync(stream, 404, "{}");
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The process was ended, or the run is over.
        }
    }

    /// <summary>One HTTP/1.1 request; the time is taken when its head has arrived.</summary>
    private async Task<(string Method, string Path, string Body, TimeSpan Arrived)?> ReadRequestAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                return null;
            }

            head.Add(one[0]);
        }

        var arrived = _clock.Elapsed;
        var lines = Encoding.ASCII.GetString([.. head]).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var length = lines.Skip(1)
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1].Trim(), CultureInfo.InvariantCulture))
            .FirstOrDefault();
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, _stop.Token);
        return (requestLine[0], requestLine[1], Encoding.UTF8.GetString(body), arrived);
    }

    private static bool EndsWithBlankLine(List<byte> head) =>
        head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';

    private async Task WriteAsync(NetworkStream stream, int status, string body, params (string Name, string Value)[] headers)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {(status == 200 ? "OK" : status == 202 ? "Accepted" : "Not Found")}\r\n")
            .Append("Content-Type: application/json\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {bytes.Length}\r\n");
        foreach (var (name, value) in headers)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        text.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text.ToString()), _stop.Token);
        await stream.WriteAsync(bytes, _stop.Token);
    }

    internal sealed record Outcome(string Kind, string Body, TimeSpan Arrived);
}
