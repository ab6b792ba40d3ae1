using System.Buffers;

namespace Flick.Aws.Lambda;

/// <summary>
/// Where the host writes its JSON lines (logs and metrics). Lambda turns each line of a custom
/// runtime's stdout into one log event, so every document is written whole, newline included, in
/// one write, whatever the thread.
/// </summary>
public sealed class LambdaOutput(Stream stream)
{
    private readonly Lock _gate = new();

    public static LambdaOutput StandardOutput() => new(Console.OpenStandardOutput());

    /// <summary>Writes one UTF-8 JSON document (without a newline in it) as one line.</summary>
    public void WriteLine(ReadOnlySpan<byte> utf8Json)
    {
        var line = ArrayPool<byte>.Shared.Rent(utf8Json.Length + 1);
        try
        {
            utf8Json.CopyTo(line);
            line[utf8Json.Length] = (byte)'\n';
            lock (_gate)
            {
                stream.Write(line, 0, utf8Json.Length + 1);
                stream.Flush();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(line);
        }
    }
}
