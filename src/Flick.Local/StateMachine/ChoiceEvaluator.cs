using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Flick.Local.StateMachine;

/// <summary>
/// Choice rules: a data-test (Variable plus one comparison) or And/Or/Not of rules. A Variable that
/// selects nothing is a States.Runtime error for every comparison but IsPresent; a value of the
/// wrong type makes a comparison false. And and Or stop at the first rule that decides them, which
/// is what lets <c>IsPresent</c> guard a comparison of the same Variable.
/// </summary>
internal static partial class ChoiceEvaluator
{
    private static readonly string[] Kinds = ["String", "Numeric", "Boolean", "Timestamp"];
    private static readonly string[] Relations = ["Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals"];
    private static readonly HashSet<string> TypeTests = ["IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp"];
    private static readonly HashSet<string> Comparisons = BuildComparisons();

    public static void Validate(JsonObject rule, string where)
    {
        var keys = rule.Select(p => p.Key).Where(k => k != "Comment").ToList();
        if (keys.Count == 1 && keys[0] is "And" or "Or")
        {
            if (rule[keys[0]] is not JsonArray list || list.Count == 0)
            {
                throw new AslDefinitionException($"{where}: {keys[0]} must be a non-empty array of rules.");
            }

            foreach (var item in list)
            {
                Validate(item as JsonObject ?? throw new AslDefinitionException($"{where}: every rule must be an object."), where);
            }

            return;
        }

        if (keys.Count == 1 && keys[0] == "Not")
        {
            Validate(rule["Not"] as JsonObject ?? throw new AslDefinitionException($"{where}: Not must be a rule object."), where);
            return;
        }

        var operators = keys.Where(k => k != "Variable").ToList();
        if (!keys.Contains("Variable") || operators.Count != 1 || !Comparisons.Contains(operators[0]))
        {
            throw new AslDefinitionException(
                $"{where}: a choice rule needs a Variable and exactly one known comparison operator; it has {string.Join(", ", keys)}.");
        }

        AslParser.ParsePath(AslParser.RequiredString(rule, "Variable", where), "Variable", where);
        var op = operators[0];
        if (op.EndsWith("Path", StringComparison.Ordinal))
        {
            AslParser.ParsePath(AslParser.RequiredString(rule, op, where), op, where);
        }
        else if (op == "StringMatches" || op.StartsWith("String", StringComparison.Ordinal) || op.StartsWith("Timestamp", StringComparison.Ordinal))
        {
            AslParser.RequiredString(rule, op, where);
        }
        else if (!(rule[op] is JsonValue v && (TypeTests.Contains(op) || op.StartsWith("Boolean", StringComparison.Ordinal)
                     ? v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                     : v.GetValueKind() == JsonValueKind.Number)))
        {
            throw new AslDefinitionException($"{where}: {op} has a value of the wrong type.");
        }
    }

    public static bool Evaluate(JsonObject rule, JsonNode? input)
    {
        if (rule["And"] is JsonArray all)
        {
            return all.All(r => Evaluate((JsonObject)r!, input));
        }

        if (rule["Or"] is JsonArray any)
        {
            return any.Any(r => Evaluate((JsonObject)r!, input));
        }

        if (rule["Not"] is JsonObject not)
        {
            return !Evaluate(not, input);
        }

        var variable = JsonPath.Parse(rule["Variable"]!.GetValue<string>());
        var (op, operand) = rule.First(p => p.Key is not ("Variable" or "Comment"));
        var present = variable.TrySelect(input, out var value);
        if (op == "IsPresent")
        {
            return present == operand!.GetValue<bool>();
        }

        if (!present)
        {
            throw StatesErrorException.Runtime($"Invalid path '{variable}': The choice state's condition path references an invalid value.");
        }

        if (TypeTests.Contains(op))
        {
            return TypeTest(op, value) == operand!.GetValue<bool>();
        }

        if (op.EndsWith("Path", StringComparison.Ordinal))
        {
            var path = JsonPath.Parse(operand!.GetValue<string>());
            if (!path.TrySelect(input, out operand))
            {
                throw StatesErrorException.Runtime($"Invalid path '{path}': The choice state's condition path references an invalid value.");
            }

            op = op[..^4];
        }

        return Compare(op, value, operand);
    }

    internal static bool TryParseTimestamp(string text, out DateTimeOffset timestamp)
    {
        timestamp = default;
        return Rfc3339().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out timestamp);
    }

    private static bool TypeTest(string op, JsonNode? value) =>
        op switch
        {
            "IsNull" => value is null,
            "IsNumeric" => Kind(value) == JsonValueKind.Number,
            "IsString" => Kind(value) == JsonValueKind.String,
            "IsBoolean" => Kind(value) is JsonValueKind.True or JsonValueKind.False,
            _ => Kind(value) == JsonValueKind.String && TryParseTimestamp(value!.GetValue<string>(), out _),
        };

    private static bool Compare(string op, JsonNode? value, JsonNode? operand)
    {
        if (op == "StringMatches")
        {
            return Kind(value) == JsonValueKind.String && WildcardRegex(operand!.GetValue<string>()).IsMatch(value!.GetValue<string>());
        }

        var kind = Kinds.First(k => op.StartsWith(k, StringComparison.Ordinal));
        var relation = op[kind.Length..];
        int? order = kind switch
        {
            "String" when Kind(value) == JsonValueKind.String && Kind(operand) == JsonValueKind.String =>
                string.CompareOrdinal(value!.GetValue<string>(), operand!.GetValue<string>()),
            "Numeric" when Kind(value) == JsonValueKind.Number && Kind(operand) == JsonValueKind.Number =>
                value!.GetValue<double>().CompareTo(operand!.GetValue<double>()),
            "Boolean" when Kind(value) is JsonValueKind.True or JsonValueKind.False && Kind(operand) is JsonValueKind.True or JsonValueKind.False =>
                value!.GetValue<bool>() == operand!.GetValue<bool>() ? 0 : 1,
            "Timestamp" when Kind(value) == JsonValueKind.String && Kind(operand) == JsonValueKind.String
                && TryParseTimestamp(value!.GetValue<string>(), out var a) && TryParseTimestamp(operand!.GetValue<string>(), out var b) =>
                a.CompareTo(b),
            _ => null,
        };
        return order is { } o && relation switch
        {
            "Equals" => o == 0,
            "LessThan" => o < 0,
            "GreaterThan" => o > 0,
            "LessThanEquals" => o <= 0,
            _ => o >= 0,
        };
    }

    private static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    /// <summary>StringMatches: <c>*</c> matches any run of characters; <c>\*</c> and <c>\\</c> are a literal asterisk and backslash.</summary>
    private static Regex WildcardRegex(string pattern)
    {
        var builder = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                builder.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else
            {
                builder.Append(pattern[i] == '*' ? ".*" : Regex.Escape(pattern[i].ToString()));
            }
        }

        return new Regex(builder.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static HashSet<string> BuildComparisons()
    {
        var set = new HashSet<string>(TypeTests, StringComparer.Ordinal) { "StringMatches", "BooleanEquals", "BooleanEqualsPath" };
        foreach (var kind in Kinds.Where(k => k != "Boolean"))
        {
            foreach (var relation in Relations)
            {
                set.Add(kind + relation);
                set.Add(kind + relation + "Path");
            }
        }

        return set;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
