using System.Globalization;
using System.Text;

namespace Flick.Aws.Tests.Lambda;

/// <summary>Just enough HTTP/1.1 for the loopback Runtime API: requests with a Content-Length body, keep-alive.</summary>
internal static class HttpWire
{
    public static async Task<Request?> ReadRequestAsync(Stream stream, CancellationToken ct)
    {
        var head = await ReadHeadAsync(stream, ct);
        if (head is null)
        {
            return null;
        }

        var lines = head.Split("\r\n");
        var start = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        headers.ContainsKey("Transfer-Encoding").ShouldBeFalse("the Runtime API client is expected to send a Content-Length");
        var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : 0;
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, ct);
        return new Request(start[0], start[1], headers, Encoding.UTF8.GetString(body));
    }

    public static async Task WriteResponseAsync(Stream stream, int status, IReadOnlyList<(string Name, string Value)> headers, string body, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {(status < 300 ? "OK" : "Error")}\r\n")
            .Append("Content-Type: application/json\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {bytes.Length}\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("\r\n");
        // One write: a head and a body sent apart would wait on Nagle's algorithm and a delayed ACK.
        var message = Encoding.ASCII.GetBytes(head.ToString()).Concat(bytes).ToArray();
        await stream.WriteAsync(message, ct);
        await stream.FlushAsync(ct);
    }

    private static async Task<string?> ReadHeadAsync(Stream stream, CancellationToken ct)
    {
        var head = new List<byte>(512);
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one, ct) == 0)
            {
                return null;
            }

            head.Add(one[0]);
            if (head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n')
            {
                return Encoding.ASCII.GetString(head.ToArray(), 0, head.Count - 4);
            }
        }
    }

    public sealed record Request(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
}
