using System.Net;
using System.Text.Json;

namespace Flick.Local.Messaging;

/// <summary>Reads EventBridge event pattern JSON into matchers, rejecting what EventBridge would reject.</summary>
internal static class EventPatternParser
{
    private const string Operators = "prefix, suffix, equals-ignore-case, wildcard, anything-but, exists, numeric, cidr";

    public static ObjectPattern ParseObject(JsonElement obj, string path)
    {
        var fields = new List<KeyValuePair<string, PatternNode>>();
        var orGroups = new List<IReadOnlyList<ObjectPattern>>();
        foreach (var property in obj.EnumerateObject())
        {
            var fieldPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            if (property.Name == "$or")
            {
                orGroups.Add(ParseOr(property.Value, fieldPath));
                continue;
            }

            PatternNode node = property.Value.ValueKind switch
            {
                JsonValueKind.Object => ParseObject(property.Value, fieldPath),
                JsonValueKind.Array => ParseLeaf(property.Value, fieldPath),
                _ => throw Error(fieldPath, "a value to match must be an array of values or a nested object"),
            };
            fields.Add(new(property.Name, node));
        }

        return new ObjectPattern(fields, orGroups);
    }

    private static List<ObjectPattern> ParseOr(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() < 2
            || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Object))
        {
            throw Error(path, "$or takes an array of at least two pattern objects");
        }

        return value.EnumerateArray().Select(branch => ParseObject(branch, path)).ToList();
    }

    private static LeafPattern ParseLeaf(JsonElement array, string path)
    {
        if (array.GetArrayLength() == 0)
        {
            throw Error(path, "an array of values to match may not be empty");
        }

        var conditions = array.EnumerateArray().Select(element => element.ValueKind switch
        {
            JsonValueKind.Object => ParseOperator(element, path),
            JsonValueKind.Array => throw Error(path, "an array of values may not contain arrays"),
            _ => (PatternCondition)new EqualsCondition(element),
        }).ToList();
        return new LeafPattern(conditions);
    }

    private static PatternCondition ParseOperator(JsonElement obj, string path)
    {
        var properties = obj.EnumerateObject().ToList();
        if (properties.Count != 1)
        {
            throw Error(path, $"a matching object holds exactly one operator ({Operators})");
        }

        var (name, value) = (properties[0].Name, properties[0].Value);
        return name switch
        {
            "prefix" => ParseAffix(value, path, name, (text, affix, comparison) => text.StartsWith(affix, comparison)),
            "suffix" => ParseAffix(value, path, name, (text, affix, comparison) => text.EndsWith(affix, comparison)),
            "equals-ignore-case" => IgnoreCase(RequireString(value, path, name)),
            "wildcard" => new WildcardCondition(RequireString(value, path, name)),
            "exists" => value.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? new ExistsCondition(value.GetBoolean())
                : throw Error(path, "exists takes true or false"),
            "numeric" => ParseNumeric(value, path),
            "anything-but" => ParseAnythingBut(value, path),
            "cidr" => IPNetwork.TryParse(RequireString(value, path, name), out var network)
                ? new CidrCondition(network)
                : throw Error(path, $"'{value}' is not a CIDR block"),
            _ => throw Error(path, $"unknown operator '{name}' (supported: {Operators})"),
        };
    }

    private static StringCondition ParseAffix(JsonElement value, string path, string name, Func<string, string, StringComparison, bool> test)
    {
        if (value.ValueKind == JsonValueKind.Object
            && value.EnumerateObject().ToList() is [{ Name: "equals-ignore-case" } inner])
        {
            var affix = RequireString(inner.Value, path, name);
            return new StringCondition(text => test(text, affix, StringComparison.OrdinalIgnoreCase));
        }

        var exact = RequireString(value, path, name);
        return new StringCondition(text => test(text, exact, StringComparison.Ordinal));
    }

    private static StringCondition IgnoreCase(string expected) =>
        new(text => string.Equals(text, expected, StringComparison.OrdinalIgnoreCase));

    private static NumericCondition ParseNumeric(JsonElement value, string path)
    {
        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [];
        if (items.Count is not (2 or 4))
        {
            throw Error(path, "numeric takes [operator, number] or [lower operator, number, upper operator, number]");
        }

        var comparisons = new List<(string, double)>();
        for (var i = 0; i < items.Count; i += 2)
        {
            var op = items[i].ValueKind == JsonValueKind.String ? items[i].GetString()! : string.Empty;
            if (op is not ("=" or "<" or "<=" or ">" or ">=") || items[i + 1].ValueKind != JsonValueKind.Number)
            {
                throw Error(path, "numeric operators are =, <, <=, > and >=, each followed by a number");
            }

            comparisons.Add((op, items[i + 1].GetDouble()));
        }

        if (comparisons.Count == 2 && !(comparisons[0].Item1 is ">" or ">=" && comparisons[1].Item1 is "<" or "<="))
        {
            throw Error(path, "a numeric range gives the lower bound (> or >=) first, then the upper bound (< or <=)");
        }

        return new NumericCondition(comparisons);
    }

    private static AnythingButCondition ParseAnythingBut(JsonElement value, string path)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String or JsonValueKind.Number:
                return new AnythingButCondition(new EqualsCondition(value), stringsOnly: false);
            case JsonValueKind.Array:
                var kinds = value.EnumerateArray().Select(e => e.ValueKind).Distinct().ToList();
                if (kinds is not ([JsonValueKind.String] or [JsonValueKind.Number]))
                {
                    throw Error(path, "anything-but takes a non-empty list of only strings or only numbers");
                }

                return new AnythingButCondition(
                    new AnyOfCondition(value.EnumerateArray().Select(e => (PatternCondition)new EqualsCondition(e)).ToList()), stringsOnly: false);
            case JsonValueKind.Object when value.EnumerateObject().ToList() is [var inner]:
                PatternCondition excluded = inner.Name switch
                {
                    "prefix" or "suffix" => ParseOperator(value, path),
                    "equals-ignore-case" => StringOrList(inner.Value, path, inner.Name, IgnoreCase),
                    "wildcard" => StringOrList(inner.Value, path, inner.Name, text => new WildcardCondition(text)),
                    _ => throw Error(path, $"anything-but does not take '{inner.Name}' (it takes prefix, suffix, equals-ignore-case or wildcard)"),
                };
                return new AnythingButCondition(excluded, stringsOnly: true);
            default:
                throw Error(path, "anything-but takes a string, a number, a list of them, or one of prefix, suffix, equals-ignore-case, wildcard");
        }
    }

    private static PatternCondition StringOrList(JsonElement value, string path, string name, Func<string, PatternCondition> create)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return create(RequireString(value, path, name));
        }

        var conditions = value.EnumerateArray().Select(e => create(RequireString(e, path, name))).ToList();
        return conditions.Count > 0 ? new AnyOfCondition(conditions) : throw Error(path, $"{name} takes a non-empty list");
    }

    private static string RequireString(JsonElement value, string path, string name) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Error(path, $"{name} takes a string");

    private static FormatException Error(string path, string message) =>
        new($"Invalid event pattern at '{(path.Length == 0 ? "(root)" : path)}': {message}.");
}
