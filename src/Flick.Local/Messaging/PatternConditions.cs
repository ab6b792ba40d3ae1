using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Flick.Local.Messaging;

/// <summary>One element of a leaf array of an event pattern; the elements of one array are alternatives (OR).</summary>
internal abstract class PatternCondition
{
    /// <summary>Whether the condition accepts one scalar value of the event (an array's elements are offered one by one).</summary>
    public abstract bool Matches(JsonElement value);

    /// <summary>Whether the condition accepts a field that the event does not have; only <c>exists: false</c> does.</summary>
    public virtual bool MatchesAbsent => false;

    protected static bool IsString(JsonElement value, out string text)
    {
        text = value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
        return value.ValueKind == JsonValueKind.String;
    }
}

/// <summary>An exact value: a string compares ordinally, a number numerically, true/false/null by kind.</summary>
internal sealed class EqualsCondition(JsonElement expected) : PatternCondition
{
    private readonly JsonElement _expected = expected.Clone();

    public override bool Matches(JsonElement value) => JsonScalars.AreEqual(_expected, value);
}

internal sealed class ExistsCondition(bool exists) : PatternCondition
{
    public override bool Matches(JsonElement value) => exists;

    public override bool MatchesAbsent => !exists;
}

internal sealed class StringCondition(Func<string, bool> predicate) : PatternCondition
{
    public override bool Matches(JsonElement value) => IsString(value, out var text) && predicate(text);
}

/// <summary><c>numeric</c>: one comparison, or a lower and an upper bound.</summary>
internal sealed class NumericCondition(IReadOnlyList<(string Operator, double Operand)> comparisons) : PatternCondition
{
    public override bool Matches(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && comparisons.All(c => Compare(value.GetDouble(), c.Operator, c.Operand));

    private static bool Compare(double value, string op, double operand) => op switch
    {
        "=" => value == operand,
        "<" => value < operand,
        "<=" => value <= operand,
        ">" => value > operand,
        _ => value >= operand,
    };
}

/// <summary><c>anything-but</c>: any present value that the inner condition rejects.</summary>
internal sealed class AnythingButCondition(PatternCondition excluded, bool stringsOnly) : PatternCondition
{
    public override bool Matches(JsonElement value) =>
        (!stringsOnly || value.ValueKind == JsonValueKind.String) && !excluded.Matches(value);
}

/// <summary>Any of several conditions; used for the value lists of <c>anything-but</c>.</summary>
internal sealed class AnyOfCondition(IReadOnlyList<PatternCondition> conditions) : PatternCondition
{
    public override bool Matches(JsonElement value) => conditions.Any(c => c.Matches(value));
}

internal sealed class CidrCondition(IPNetwork network) : PatternCondition
{
    public override bool Matches(JsonElement value) =>
        IsString(value, out var text) && IPAddress.TryParse(text, out var address) && network.Contains(address);
}

/// <summary><c>wildcard</c>: <c>*</c> stands for any run of characters; <c>\*</c> and <c>\\</c> are literal.</summary>
internal sealed class WildcardCondition : PatternCondition
{
    private readonly Regex _regex;

    public WildcardCondition(string pattern)
    {
        var regex = new System.Text.StringBuilder("^");
        var literal = new System.Text.StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 >= pattern.Length || (pattern[i + 1] != '*' && pattern[i + 1] != '\\'))
                {
                    throw new FormatException($"Wildcard '{pattern}': '\\' may only escape '*' or '\\'.");
                }

                literal.Append(pattern[++i]);
            }
            else if (c == '*')
            {
                if (i + 1 < pattern.Length && pattern[i + 1] == '*')
                {
                    throw new FormatException($"Wildcard '{pattern}': consecutive '*' characters are not allowed.");
                }

                regex.Append(Regex.Escape(literal.ToString())).Append(".*");
                literal.Clear();
            }
            else
            {
                literal.Append(c);
            }
        }

        regex.Append(Regex.Escape(literal.ToString())).Append('$');
        _regex = new Regex(regex.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    public override bool Matches(JsonElement value) => IsString(value, out var text) && _regex.IsMatch(text);
}
