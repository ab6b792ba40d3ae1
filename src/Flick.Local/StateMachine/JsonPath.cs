using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Flick.Local.StateMachine;

/// <summary>
/// The JSONPath subset that reference paths use: <c>$</c>, <c>.name</c>, <c>['name']</c> and
/// <c>[n]</c>; a path starting with <c>$$</c> addresses the context object. Wildcards, filters and
/// recursive descent select several nodes, which reference paths may not, so they are refused.
/// </summary>
internal sealed class JsonPath
{
    private JsonPath(string text, bool isContext, IReadOnlyList<PathSegment> segments)
    {
        Text = text;
        IsContext = isContext;
        Segments = segments;
    }

    public static JsonPath Root { get; } = new("$", false, []);

    public string Text { get; }

    /// <summary>True for <c>$$…</c> paths into the context object.</summary>
    public bool IsContext { get; }

    public IReadOnlyList<PathSegment> Segments { get; }

    public bool IsRoot => Segments.Count == 0;

    public override string ToString() => Text;

    /// <exception cref="FormatException">The text is not a path of the supported subset.</exception>
    public static JsonPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith('$'))
        {
            throw new FormatException($"The path '{text}' does not start with '$'.");
        }

        var isContext = text.StartsWith("$$", StringComparison.Ordinal);
        var position = isContext ? 2 : 1;
        var segments = new List<PathSegment>();
        while (position < text.Length)
        {
            segments.Add(text[position] switch
            {
                '.' => ReadName(text, ref position),
                '[' => ReadBracket(text, ref position),
                _ => throw new FormatException($"Unexpected '{text[position]}' at position {position} in the path '{text}'."),
            });
        }

        return new JsonPath(text, isContext, segments);
    }

    /// <summary>Selects the node the path names; false when a step is missing. A JSON null that is present is found (as null).</summary>
    public bool TrySelect(JsonNode? root, out JsonNode? value)
    {
        var current = root;
        foreach (var segment in Segments)
        {
            if (!segment.TryStep(current, out current))
            {
                value = null;
                return false;
            }
        }

        value = current;
        return true;
    }

    private static PathSegment ReadName(string text, ref int position)
    {
        if (position + 1 < text.Length && text[position + 1] == '.')
        {
            throw new FormatException($"Recursive descent ('..') is not supported in the path '{text}'.");
        }

        var start = ++position;
        while (position < text.Length && text[position] is not ('.' or '['))
        {
            position++;
        }

        var name = text[start..position];
        return name.Length == 0 || name == "*"
            ? throw new FormatException($"The path '{text}' has an empty or wildcard field name, which a reference path may not have.")
            : PathSegment.Field(name);
    }

    private static PathSegment ReadBracket(string text, ref int position)
    {
        var close = text.IndexOf(']', position);
        if (close < 0)
        {
            throw new FormatException($"Unclosed '[' in the path '{text}'.");
        }

        var inner = text[(position + 1)..close].Trim();
        if (inner.Length >= 2 && (inner[0] is '\'' or '"') && inner[^1] == inner[0])
        {
            // A quoted name may itself contain ']' or '.': find the closing quote first.
            var quote = inner[0];
            var end = text.IndexOf(quote + "]", position + 2, StringComparison.Ordinal);
            var name = text[(position + 2)..end];
            position = end + 2;
            return PathSegment.Field(Unescape(name));
        }

        position = close + 1;
        return int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? PathSegment.Element(index)
            : throw new FormatException($"'[{inner}]' in the path '{text}' is not an index or a quoted name; wildcards, slices and filters are not supported.");
    }

    private static string Unescape(string name)
    {
        if (!name.Contains('\\', StringComparison.Ordinal))
        {
            return name;
        }

        var builder = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            builder.Append(name[i] == '\\' && i + 1 < name.Length ? name[++i] : name[i]);
        }

        return builder.ToString();
    }
}
