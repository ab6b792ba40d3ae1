using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Flick.Aws.Tests.Lambda;

namespace Flick.Aws.Tests.Loopback;

/// <summary>
/// An AWS JSON-protocol service on 127.0.0.1 (an ephemeral port), written for the tests from AWS's API
/// reference: every request is a POST to <c>/</c> whose <c>X-Amz-Target</c> names the operation and whose body is
/// JSON of the protocol's content type. A request without a well-formed SigV4 <c>Authorization</c> header for
/// this service's signing name and region is refused as AWS refuses it, so an unsigned client cannot pass.
/// Operations answer <c>(status, body)</c>; errors carry <c>__type</c> and <c>message</c>.
/// </summary>
public abstract partial class LoopbackAwsServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = [];
    private readonly Lock _gate = new();
    private readonly Task _accepting;
    private int _unsigned;

    protected LoopbackAwsServer(string targetPrefix, string contentType, string signingName, string region)
    {
        TargetPrefix = targetPrefix;
        ContentType = contentType;
        SigningName = signingName;
        Region = region;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Requests refused for a missing or malformed signature (a test expects none).</summary>
    public int UnsignedRequests => Volatile.Read(ref _unsigned);

    protected string TargetPrefix { get; }

    protected string ContentType { get; }

    protected string SigningName { get; }

    protected string Region { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_gate)
        {
            _clients.ForEach(c => c.Dispose());
        }

        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Answers one operation; <paramref name="body"/> is the parsed request.</summary>
    protected abstract (int Status, string Body) Handle(string operation, JsonElement body);

    protected static (int, string) Error(string type, string message) =>
        (400, JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = type, ["message"] = message }));

    [GeneratedRegex("^AWS4-HMAC-SHA256 Credential=[^/]+/(?<date>\\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, ?SignedHeaders=(?<signed>[a-z0-9;-]+), ?Signature=[0-9a-f]{64}$")]
    private static partial Regex SigV4();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            client.NoDelay = true;
            lock (_gate)
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
            while (await HttpWire.ReadRequestAsync(stream, _stop.Token) is { } request)
            {
                var (status, body) = Route(request);
                await HttpWire.WriteResponseAsync(stream, status, [("x-amzn-RequestId", Guid.NewGuid().ToString())], body, _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The client hung up, or the test is over.
        }
    }

    private (int Status, string Body) Route(HttpWire.Request request)
    {
        if (!IsSigned(request))
        {
            Interlocked.Increment(ref _unsigned);
            return (403, """{"__type":"IncompleteSignatureException","message":"The request signature is missing or malformed."}""");
        }

        var target = request.Headers.GetValueOrDefault("X-Amz-Target") ?? "";
        var type = request.Headers.GetValueOrDefault("Content-Type") ?? "";
        if (request.Method != "POST" || !target.StartsWith(TargetPrefix, StringComparison.Ordinal) || !type.StartsWith(ContentType, StringComparison.Ordinal))
        {
            return Error("UnknownOperationException", $"{request.Method} {target} ({type}) is not an operation of this service.");
        }

        try
        {
            using var json = JsonDocument.Parse(request.Body);
            return Handle(target[TargetPrefix.Length..], json.RootElement);
        }
        catch (JsonException)
        {
            return Error("SerializationException", "The request body is not JSON.");
        }
    }

    private bool IsSigned(HttpWire.Request request)
    {
        if (!request.Headers.TryGetValue("Authorization", out var authorization) || !request.Headers.ContainsKey("X-Amz-Date"))
        {
            return false;
        }

        var match = SigV4().Match(authorization);
        return match.Success
            && match.Groups["region"].Value == Region
            && match.Groups["service"].Value == SigningName
            && request.Headers["X-Amz-Date"].StartsWith(match.Groups["date"].Value, StringComparison.Ordinal)
            && match.Groups["signed"].Value.Split(';') is var signed && signed.Contains("host") && signed.Contains("x-amz-date");
    }
}
