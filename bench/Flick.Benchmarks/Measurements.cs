using System.Text.Json.Nodes;

namespace Flick.Benchmarks;

/// <summary>The BENCH lines of one run, found by name: the pipeline's are <c>pipeline/&lt;what&gt;/&lt;data set&gt;</c>.</summary>
internal sealed class Measurements(IReadOnlyList<JsonObject> lines)
{
    private const string Pipeline = "pipeline/";

    public IReadOnlyList<JsonObject> All => lines;

    /// <summary>The data sets Flick ran on, smallest first.</summary>
    public IReadOnlyList<string> Sizes =>
        lines.Where(l => Name(l).StartsWith(Pipeline + "flick/", StringComparison.Ordinal))
            .OrderBy(l => Number(l, "observations") ?? 0)
            .Select(l => Name(l)[(Pipeline.Length + "flick/".Length)..])
            .Distinct()
            .ToList();

    public JsonObject? Find(string what, string size) =>
        lines.LastOrDefault(l => Name(l) == $"{Pipeline}{what}/{size}");

    /// <summary>Lines of other tools whose name contains every one of <paramref name="words"/> and none of <paramref name="not"/>.</summary>
    public IEnumerable<JsonObject> Named(string[] words, string[] not) =>
        lines.Where(l => !Name(l).StartsWith(Pipeline, StringComparison.Ordinal)
            && words.All(w => Name(l).Contains(w, StringComparison.OrdinalIgnoreCase))
            && !not.Any(w => Name(l).Contains(w, StringComparison.OrdinalIgnoreCase)));

    public static string Name(JsonObject line) => line["name"]?.GetValue<string>() ?? "";

    public static double? Number(JsonObject? line, string field) =>
        line?[field] is JsonValue value && value.TryGetValue<double>(out var number) ? number : null;
}
