namespace Flick.Core.Tests.Parsing;

/// <summary>
/// A non-seekable stream over bytes that hands out at most a given number of bytes per read, or
/// pieces of given sizes, like a network body arriving in packets.
/// </summary>
public sealed class ChunkedStream : Stream
{
    private readonly byte[] _bytes;
    private readonly Queue<int> _pieces;
    private readonly int _maxRead;
    private int _position;

    public ChunkedStream(byte[] bytes, int maxRead)
    {
        _bytes = bytes;
        _maxRead = maxRead;
        _pieces = new Queue<int>();
    }

    /// <summary>Reads return exactly <paramref name="pieces"/> in turn, then the rest.</summary>
    public ChunkedStream(byte[] bytes, IEnumerable<int> pieces)
        : this(bytes, int.MaxValue) => _pieces = new Queue<int>(pieces);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var limit = _pieces.Count > 0 ? _pieces.Dequeue() : _maxRead;
        var n = Math.Min(Math.Min(limit, buffer.Length), _bytes.Length - _position);
        _bytes.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
