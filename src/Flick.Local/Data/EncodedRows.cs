using System.Buffers;
using System.Globalization;
using System.Text;

namespace Flick.Local.Data;

/// <summary>
/// Rows of statement values made ready before the write turn is taken: text already in UTF-8 in one
/// pooled buffer, numbers as they are. Inside the turn a row is only bound and run, so the one
/// writer holds SQLite for the database work alone. Disposing returns the buffers to their pools.
/// </summary>
internal sealed class EncodedRows : IDisposable
{
    private readonly int _width;
    private Value[] _values;
    private byte[] _text;
    private int _count;
    private int _textLength;

    public EncodedRows(int width, int expectedRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        _width = width;
        _values = ArrayPool<Value>.Shared.Rent(Math.Max(1, width * expectedRows));
        _text = ArrayPool<byte>.Shared.Rent(4096);
    }

    public int Rows => _count / _width;

    public void Add(long number) => Append(new Value(number, -1, 0));

    public void Add(long? number)
    {
        if (number is { } value)
        {
            Add(value);
        }
        else
        {
            Add((string?)null);
        }
    }

    public void Add(string? text)
    {
        if (text is null)
        {
            Append(new Value(0, -1, -1));
            return;
        }

        AddUtf16(text);
    }

    /// <summary>A time as <see cref="SqliteValues.ToText"/> writes it, formatted straight into the buffer.</summary>
    public void Add(DateTimeOffset? time)
    {
        if (time is not { } value)
        {
            Add((string?)null);
            return;
        }

        Reserve(SqliteValues.TimeTextLength);
        // "O" of a UTC time is SqliteValues.TimeFormat exactly, through the runtime's fast path.
        if (!value.UtcDateTime.TryFormat(_text.AsSpan(_textLength), out var written, "O", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"a time did not fit in {SqliteValues.TimeTextLength} bytes");
        }

        Append(new Value(0, _textLength, written));
        _textLength += written;
    }

    /// <summary>The text lower-cased as <see cref="string.ToLowerInvariant()"/> does, without the lower-cased string.</summary>
    public void AddLowerInvariant(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const int OnStack = 256;
        char[]? rented = null;
        var lower = text.Length <= OnStack ? stackalloc char[OnStack] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            var length = text.AsSpan().ToLowerInvariant(lower);
            AddUtf16(lower[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Runs <paramref name="statement"/> once per row, its values bound to the parameters at <paramref name="indexes"/>, in order.</summary>
    public void ExecuteEach(BulkStatement statement, ReadOnlySpan<int> indexes)
    {
        for (var row = 0; row < Rows; row++)
        {
            var values = _values.AsSpan(row * _width, _width);
            for (var i = 0; i < values.Length; i++)
            {
                var value = values[i];
                if (value.Length < 0)
                {
                    statement.Bind(indexes[i], (string?)null);
                }
                else if (value.Offset < 0)
                {
                    statement.Bind(indexes[i], value.Number);
                }
                else
                {
                    statement.Bind(indexes[i], _text.AsSpan(value.Offset, value.Length));
                }
            }

            statement.Execute();
        }
    }

    public void Dispose()
    {
        ArrayPool<Value>.Shared.Return(_values);
        ArrayPool<byte>.Shared.Return(_text);
        _values = [];
        _text = [];
    }

    private void AddUtf16(ReadOnlySpan<char> text)
    {
        Reserve(Encoding.UTF8.GetMaxByteCount(text.Length));
        var written = Encoding.UTF8.GetBytes(text, _text.AsSpan(_textLength));
        Append(new Value(0, _textLength, written));
        _textLength += written;
    }

    private void Reserve(int bytes)
    {
        var needed = _textLength + bytes;
        if (needed > _text.Length)
        {
            Grow(ref _text, needed, _textLength);
        }
    }

    private void Append(Value value)
    {
        if (_count == _values.Length)
        {
            Grow(ref _values, _count * 2, _count);
        }

        _values[_count++] = value;
    }

    private static void Grow<T>(ref T[] array, int needed, int used)
    {
        var larger = ArrayPool<T>.Shared.Rent(Math.Max(needed, array.Length * 2));
        array.AsSpan(0, used).CopyTo(larger);
        ArrayPool<T>.Shared.Return(array);
        array = larger;
    }

    /// <summary>A number (<see cref="Offset"/> −1), text at [Offset, Offset + Length) of the buffer, or null (<see cref="Length"/> −1).</summary>
    private readonly record struct Value(long Number, int Offset, int Length);
}
