using System.Text.Json;

namespace Flick.Local.Messaging;

internal abstract class PatternNode
{
    /// <summary>Whether the node accepts the event's value of its field, or the field's absence (<paramref name="value"/> null).</summary>
    public abstract bool Matches(JsonElement? value);
}

/// <summary>An object of the pattern: every field must match (AND), and one branch of every <c>$or</c>.</summary>
internal sealed class ObjectPattern(IReadOnlyList<KeyValuePair<string, PatternNode>> fields, IReadOnlyList<IReadOnlyList<ObjectPattern>> orGroups) : PatternNode
{
    public override bool Matches(JsonElement? value)
    {
        if (value is { ValueKind: JsonValueKind.Object } obj)
        {
            return MatchesObject(obj);
        }

        if (value is { ValueKind: JsonValueKind.Array } array)
        {
            // Objects in an array are matched one at a time: every field must match within the same element.
            var objects = Flatten(array).Where(e => e.ValueKind == JsonValueKind.Object).ToList();
            if (objects.Count > 0)
            {
                return objects.Any(MatchesObject);
            }
        }

        // No object here (missing, or a scalar, which has no nested fields): only absence conditions can hold.
        return fields.All(f => f.Value.Matches(null)) && orGroups.All(g => g.Any(branch => branch.Matches(null)));
    }

    private bool MatchesObject(JsonElement obj) =>
        fields.All(f => f.Value.Matches(obj.TryGetProperty(f.Key, out var child) ? child : null))
        && orGroups.All(g => g.Any(branch => branch.MatchesObject(obj)));

    internal static IEnumerable<JsonElement> Flatten(JsonElement array)
    {
        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var inner in Flatten(element))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return element;
            }
        }
    }
}

/// <summary>A leaf array of the pattern: any condition matching any of the field's values (OR).</summary>
internal sealed class LeafPattern(IReadOnlyList<PatternCondition> conditions) : PatternNode
{
    public override bool Matches(JsonElement? value)
    {
        var values = LeafValues(value);
        return values.Count == 0
            ? conditions.Any(c => c.MatchesAbsent)
            : conditions.Any(c => values.Any(c.Matches));
    }

    // An object is not a leaf and an empty array holds no value: to a leaf condition both read as absent.
    private static List<JsonElement> LeafValues(JsonElement? value) => value switch
    {
        null => [],
        { ValueKind: JsonValueKind.Array } array => ObjectPattern.Flatten(array).Where(JsonScalars.IsScalar).ToList(),
        { } scalar when JsonScalars.IsScalar(scalar) => [scalar],
        _ => [],
    };
}
