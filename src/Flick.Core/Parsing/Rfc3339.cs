using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Flick.Core.Parsing;

/// <summary>
/// RFC 3339 date-times (<c>2024-05-01T12:00:00Z</c>, <c>…T12:00:00.25+02:00</c>), parsed from UTF-8
/// without a string. Stricter than ISO 8601 parsing on purpose: a date alone, a missing offset or a
/// leap second is not a sample time. Results are in UTC.
/// </summary>
internal static class Rfc3339
{
    private const int MaxEscapedLength = 256;

    // "yyyy-MM-ddTHH:mm:ss.fffffffZ" at most.
    private const int MaxFormattedLength = 28;

    /// <summary>The UTC time as <c>yyyy-MM-ddTHH:mm:ss[.FFFFFFF]Z</c>: no trailing zeros in the fraction.</summary>
    public static string Format(DateTimeOffset value)
    {
        Span<byte> text = stackalloc byte[MaxFormattedLength];
        return Encoding.ASCII.GetString(text[..Write(text, value)]);
    }

    /// <summary>Writes the property <paramref name="name"/> with the value <see cref="Format"/> gives, without the string.</summary>
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTimeOffset value)
    {
        Span<byte> text = stackalloc byte[MaxFormattedLength];
        writer.WriteString(name, text[..Write(text, value)]);
    }

    /// <summary>
    /// Writes the UTF-8 of what <see cref="Format"/> gives into <paramref name="text"/> (at least 28
    /// bytes) and returns its length: the invariant sortable pattern's fast path for the seconds, then
    /// the fraction by hand, which is several times cheaper than the custom pattern
    /// <c>yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'</c> that gives the same text.
    /// </summary>
    internal static int Write(Span<byte> text, DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        if (text.Length < MaxFormattedLength || !utc.TryFormat(text, out var written, "s", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"a UTC time did not fit in {MaxFormattedLength} bytes");
        }

        var fraction = (int)(utc.Ticks % TimeSpan.TicksPerSecond);
        if (fraction != 0)
        {
            // Seven digits of 100 ns, without the trailing zeros (the pattern's "FFFFFFF").
            var digits = 7;
            for (; fraction % 10 == 0; digits--)
            {
                fraction /= 10;
            }

            text[written++] = (byte)'.';
            for (var i = written + digits - 1; i >= written; i--)
            {
                text[i] = (byte)('0' + (fraction % 10));
                fraction /= 10;
            }

            written += digits;
        }

        text[written++] = (byte)'Z';
        return written;
    }

    /// <summary>Parses the current string token of <paramref name="reader"/>, unescaping it when needed.</summary>
    public static bool TryParse(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        if (!reader.ValueIsEscaped)
        {
            return TryParse(reader.ValueSpan, out value);
        }

        if (reader.ValueSpan.Length > MaxEscapedLength)
        {
            value = default;
            return false;
        }

        Span<byte> unescaped = stackalloc byte[MaxEscapedLength];
        var length = reader.CopyString(unescaped);
        return TryParse(unescaped[..length], out value);
    }

    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 20
            || !TryDigits(text, 0, 4, out var year) || text[4] != '-'
            || !TryDigits(text, 5, 2, out var month) || text[7] != '-'
            || !TryDigits(text, 8, 2, out var day) || (text[10] | 0x20) != 't'
            || !TryDigits(text, 11, 2, out var hour) || text[13] != ':'
            || !TryDigits(text, 14, 2, out var minute) || text[16] != ':'
            || !TryDigits(text, 17, 2, out var second))
        {
            return false;
        }

        var i = 19;
        long fractionTicks = 0;
        if (text[i] == '.')
        {
            var first = ++i;
            var scale = TimeSpan.TicksPerSecond;
            for (; i < text.Length && IsDigit(text[i]); i++)
            {
                // Digits past the tick (100 ns) are dropped.
                scale /= 10;
                fractionTicks += (text[i] - '0') * scale;
            }

            if (i == first)
            {
                return false;
            }
        }

        if (!TryOffset(text[i..], out var offsetMinutes)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var utcTicks = new DateTime(year, month, day, hour, minute, second).Ticks + fractionTicks
            - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return true;
    }

    private static bool TryOffset(ReadOnlySpan<byte> text, out int minutes)
    {
        minutes = 0;
        if (text.Length == 1)
        {
            return (text[0] | 0x20) == 'z';
        }

        if (text.Length != 6 || text[0] is not ((byte)'+' or (byte)'-') || text[3] != ':'
            || !TryDigits(text, 1, 2, out var hours) || !TryDigits(text, 4, 2, out var mins)
            || hours > 23 || mins > 59)
        {
            return false;
        }

        minutes = (text[0] == '-' ? -1 : 1) * ((hours * 60) + mins);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!IsDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
