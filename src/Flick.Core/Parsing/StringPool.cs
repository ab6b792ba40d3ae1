using System.Text.Json;

namespace Flick.Core.Parsing;

/// <summary>
/// Per-parse interning of values that repeat across thousands of streams (game ids and names,
/// languages), looked up from the token without allocating. Bounded, so that a hostile input cannot
/// grow it without limit.
/// </summary>
internal sealed class StringPool
{
    private const int MaxEntries = 4096;
    private const int MaxLength = 96;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

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
        var text = chars[..reader.CopyString(chars)];
        if (_lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        var created = text.ToString();
        if (_strings.Count < MaxEntries)
        {
            _strings.Add(created, created);
        }

        return created;
    }
}
