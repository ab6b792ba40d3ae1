using System.Text.Json.Nodes;

namespace Flick.Local.StateMachine;

/// <summary>Parses and checks the Retry and Catch fields of Task, Map and Parallel states.</summary>
internal static class RetryParser
{
    private static readonly string[] RetrierFields = ["ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment"];
    private static readonly string[] CatcherFields = ["ErrorEquals", "ResultPath", "Next", "Comment"];

    public static IReadOnlyList<AslRetrier> ParseRetriers(JsonNode? node, string where)
    {
        var items = Items(node, "Retry", where);
        var retriers = new List<AslRetrier>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var obj = Check(items[i], RetrierFields, $"{where} Retry[{i}]");
            var context = $"{where} Retry[{i}]";
            var interval = AslParser.OptionalInt(obj, "IntervalSeconds", context) ?? 1;
            var maxAttempts = AslParser.OptionalInt(obj, "MaxAttempts", context) ?? 3;
            var backoff = obj["BackoffRate"] is JsonValue b && b.TryGetValue<double>(out var rate) ? rate : 2.0;
            var maxDelay = AslParser.OptionalInt(obj, "MaxDelaySeconds", context);
            var jitter = AslParser.OptionalString(obj, "JitterStrategy", context) ?? "NONE";
            if (interval < 1 || maxAttempts < 0 || backoff < 1.0 || maxDelay is < 1 || jitter is not ("FULL" or "NONE"))
            {
                throw new AslDefinitionException(
                    $"{context}: IntervalSeconds must be ≥ 1, MaxAttempts ≥ 0, BackoffRate ≥ 1.0, MaxDelaySeconds ≥ 1 and JitterStrategy FULL or NONE.");
            }

            retriers.Add(new AslRetrier(ErrorEquals(obj, context, i == items.Count - 1), interval, maxAttempts, backoff, maxDelay, jitter == "FULL"));
        }

        return retriers;
    }

    public static IReadOnlyList<AslCatcher> ParseCatchers(JsonNode? node, string where)
    {
        var items = Items(node, "Catch", where);
        var catchers = new List<AslCatcher>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var context = $"{where} Catch[{i}]";
            var obj = Check(items[i], CatcherFields, context);
            JsonPath? resultPath = !obj.TryGetPropertyValue("ResultPath", out var rp) ? JsonPath.Root
                : rp is null ? null
                : AslParser.ParsePath(AslParser.RequiredString(obj, "ResultPath", context), "ResultPath", context);
            catchers.Add(new AslCatcher(ErrorEquals(obj, context, i == items.Count - 1), resultPath, AslParser.RequiredString(obj, "Next", context)));
        }

        return catchers;
    }

    private static List<JsonNode?> Items(JsonNode? node, string field, string where) =>
        node switch
        {
            null => [],
            JsonArray array => [.. array],
            _ => throw new AslDefinitionException($"{where}: {field} must be an array."),
        };

    private static JsonObject Check(JsonNode? node, string[] allowed, string where)
    {
        if (node is not JsonObject obj)
        {
            throw new AslDefinitionException($"{where} must be an object.");
        }

        var unknown = obj.Select(p => p.Key).Where(k => !allowed.Contains(k)).ToList();
        return unknown.Count == 0 ? obj : throw new AslDefinitionException($"{where} has unknown fields: {string.Join(", ", unknown)}.");
    }

    private static List<string> ErrorEquals(JsonObject obj, string where, bool isLast)
    {
        if (obj["ErrorEquals"] is not JsonArray array || array.Count == 0)
        {
            throw new AslDefinitionException($"{where}: ErrorEquals must be a non-empty array of error names.");
        }

        var names = array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s
            : throw new AslDefinitionException($"{where}: ErrorEquals holds a value that is not a string.")).ToList();
        if (names.Contains(StatesErrors.All) && (names.Count > 1 || !isLast))
        {
            throw new AslDefinitionException($"{where}: States.ALL must appear alone, in the last retrier or catcher.");
        }

        return names;
    }
}
