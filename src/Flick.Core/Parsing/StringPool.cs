using System.Text;
using System.Text.Json;

namespace Flick.Core.Parsing;

/// <summary>
/// Interning of values that repeat within one parse or one read (game ids and names, languages;
/// channel and stream ids across an hour's minutes): each distinct text becomes one string, looked
/// up from its encoded form without allocating. Bounded, so that input of many distinct values
/// stops pooling rather than growing the pool without limit.
/// </summary>
public sealed class StringPool
{
    /// <summary>Texts longer than this (in UTF-8 bytes) are not pooled.</summary>
    public const int MaxLength = 96;

    private readonly int _maxEntries;
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <param name="maxEntries">Distinct strings kept at most; later ones are returned without being kept.</param>
    public StringPool(int maxEntries = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        _maxEntries = maxEntries;
        _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The current string token's value.</summary>
    public string Get(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (raw.Length == 0)
        {
            return string.Empty;
        }

        if (raw.Length > MaxLength)
        {
            return reader.GetString()!;
        }

        // UTF-8 and escaped forms are never shorter in bytes than the text in UTF-16 code units.
        Span<char> chars = stackalloc char[MaxLength];
        return Get(chars[..reader.CopyString(chars)]);
    }

    /// <summary>The string of UTF-8 <paramref name="utf8"/> (invalid bytes decode as U+FFFD).</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[MaxLength];
        return Get(chars[..Encoding.UTF8.GetChars(utf8, chars)]);
    }

    private string Get(ReadOnlySpan<char> text)
    {
        if (_lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        var created = text.ToString();
        if (_strings.Count < _maxEntries)
        {
            _strings.Add(created, created);
        }

        return created;
    }
}
