using System.Buffers;

namespace Flick.Core.Parsing;

/// <summary>
/// A pooled window over the input: the parser consumes what is complete, the rest is kept and the
/// window is refilled. It grows only when nothing could be consumed and it is full.
/// </summary>
internal sealed class ParseBuffer : IDisposable
{
    private readonly Stream _stream;
    private readonly int _maxBytes;
    private byte[] _array;
    private int _start;
    private int _end;

    public ParseBuffer(Stream stream, ParserLimits limits)
    {
        _stream = stream;
        _maxBytes = limits.MaxBufferBytes;
        _array = ArrayPool<byte>.Shared.Rent(Math.Min(limits.InitialBufferBytes, limits.MaxBufferBytes));
        PeakBytes = _array.Length;
    }

    public ReadOnlySpan<byte> Data => _array.AsSpan(_start, _end - _start);

    /// <summary>The position in the input of <see cref="Data"/>'s first byte.</summary>
    public long Offset { get; private set; }

    public long BytesRead { get; private set; }

    public bool Eof { get; private set; }

    public int PeakBytes { get; private set; }

    public void Consume(int count)
    {
        _start += count;
        Offset += count;
    }

    /// <summary>Reads at least once more from the input; false when the window is full at its maximum size.</summary>
    public async ValueTask<bool> ReadMoreAsync(CancellationToken cancellationToken)
    {
        Compact();
        if (_end == _array.Length)
        {
            if (_array.Length >= _maxBytes)
            {
                return false;
            }

            Grow();
        }

        var read = await _stream.ReadAsync(_array.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            Eof = true;
        }
        else
        {
            _end += read;
            BytesRead += read;
        }

        return true;
    }

    public void Dispose()
    {
        if (_array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = [];
        }
    }

    private void Compact()
    {
        if (_start == 0)
        {
            return;
        }

        var kept = _end - _start;
        if (kept > 0)
        {
            Buffer.BlockCopy(_array, _start, _array, 0, kept);
        }

        _start = 0;
        _end = kept;
    }

    private void Grow()
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(_maxBytes, _array.Length * 2L));
        Buffer.BlockCopy(_array, 0, larger, 0, _end);
        ArrayPool<byte>.Shared.Return(_array);
        _array = larger;
        PeakBytes = Math.Max(PeakBytes, larger.Length);
    }
}
