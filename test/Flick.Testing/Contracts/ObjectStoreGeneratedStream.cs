namespace Flick.Testing.Contracts;

/// <summary>
/// A forward-only stream of <c>length</c> deterministic bytes (byte i is i mod 251), like a network body: it cannot
/// seek and has no length. It can throw an <see cref="IOException"/> once <c>failAt</c> bytes have been read, like a
/// connection that drops, and it can run a callback once the reader has passed a mark.
/// </summary>
public sealed class ObjectStoreGeneratedStream(long length, long failAt = long.MaxValue, long mark = long.MaxValue, Action? atMark = null) : Stream
{
    private long _position;
    private bool _markPassed;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public static byte At(long position) => (byte)(position % 251);

    /// <summary>The bytes from <paramref name="offset"/>, as many as exist of <paramref name="count"/> within <paramref name="total"/>.</summary>
    public static byte[] Slice(long total, long offset, int count)
    {
        var available = (int)Math.Clamp(total - offset, 0, count);
        var bytes = new byte[available];
        for (var i = 0; i < available; i++)
        {
            bytes[i] = At(offset + i);
        }

        return bytes;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (!_markPassed && _position >= mark)
        {
            _markPassed = true;
            atMark?.Invoke();
        }

        if (_position >= failAt)
        {
            throw new IOException("the source failed (simulated)");
        }

        var count = (int)Math.Min(Math.Min(buffer.Length, length - _position), failAt - _position);
        for (var i = 0; i < count; i++)
        {
            buffer[i] = At(_position + i);
        }

        _position += count;
        return count;
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
