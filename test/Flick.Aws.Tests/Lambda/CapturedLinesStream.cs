using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace Flick.Aws.Tests.Lambda;

/// <summary>A stream that keeps each line written to it, as stdout would deliver it to CloudWatch Logs.</summary>
public sealed class CapturedLinesStream : Stream
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>Every line parsed as JSON; a line that is not one JSON object fails the test.</summary>
    public IReadOnlyList<JsonElement> Documents => Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count)
    {
        var text = Encoding.UTF8.GetString(buffer, offset, count);
        text.IndexOf('\n', StringComparison.Ordinal).ShouldBe(text.Length - 1, "every write is one whole line");
        _lines.Enqueue(text[..^1]);
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
