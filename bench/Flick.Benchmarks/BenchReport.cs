using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flick.Benchmarks;

/// <summary>
/// Turns the BENCH lines of one run into results.json and results.md: the pipeline's figures
/// next to DuckDB's and the limit's, the targets of the performance issue with PASS/FAIL, and
/// every measurement as printed.
/// </summary>
internal static class BenchReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static int Run(string[] args)
    {
        var lines = File.ReadLines(args[0])
            .Select(l => l.Trim())
            .Where(l => l.StartsWith(BenchLine.Prefix, StringComparison.Ordinal))
            .Select(l => JsonNode.Parse(l[BenchLine.Prefix.Length..])!.AsObject())
            .ToList();
        var output = Path.GetFullPath(args[1]);
        var mode = args.Length > 2 ? args[2] : "";
        Directory.CreateDirectory(output);

        var measurements = new Measurements(lines);
        var targets = BenchTargets.Evaluate(measurements);
        var root = new JsonObject
        {
            ["mode"] = mode,
            ["at"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["machine"] = $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}",
            ["results"] = new JsonArray(lines.Select(l => (JsonNode)l.DeepClone()).ToArray()),
            ["targets"] = new JsonArray(targets.Select(t => (JsonNode)new JsonObject
            {
                ["target"] = t.Target,
                ["measured"] = t.Measured,
                ["result"] = t.Result,
            }).ToArray()),
        };
        File.WriteAllText(Path.Combine(output, "results.json"), root.ToJsonString(Indented) + "\n");
        var markdown = Markdown(mode, root["machine"]!.GetValue<string>(), measurements, targets);
        File.WriteAllText(Path.Combine(output, "results.md"), markdown);
        Console.Write(markdown);
        // A missed target is a finding to report, not a failure of the run.
        return 0;
    }

    private static string Markdown(string mode, string machine, Measurements m, IReadOnlyList<TargetResult> targets)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"## Benchmark results ({(mode.Length > 0 ? mode + ", " : "")}{machine})");
        text.AppendLine();
        text.AppendLine("Raw pages to gold: Flick's embedded runtime (`--import`), its peer DuckDB (in memory, 2 threads, ingest included) and the limit (one `Utf8JsonReader` pass touching every token), on the same data set in the same run.");
        text.AppendLine();
        text.AppendLine("| data set | observations | Flick wall | Flick obs/s | Flick CPU | Flick peak RSS | DuckDB wall | DuckDB obs/s | DuckDB CPU | DuckDB peak RSS | limit MB/s | limit obs/s | Flick/DuckDB time | Flick/limit throughput | answers agree |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var size in m.Sizes)
        {
            var flick = m.Find("flick", size);
            var duck = m.Find("duckdb", size);
            var limit = m.Find("limit", size);
            var agree = m.Find("agreement", size);
            text.AppendLine(c, $"| {size} | {N(flick, "observations", "N0")} | {N(flick, "wall_s", "N2", " s")} | {N(flick, "obs_per_s", "N0")} | {N(flick, "cpu_s", "N1", " s")} | {N(flick, "peak_rss_mb", "N0", " MB")} | {N(duck, "wall_s", "N2", " s")} | {N(duck, "obs_per_s", "N0")} | {N(duck, "cpu_s", "N1", " s")} | {N(duck, "peak_rss_mb", "N0", " MB")} | {N(limit, "mb_per_s", "N0")} | {N(limit, "obs_per_s", "N0")} | {Ratio(flick, duck, "wall_s", "N2")} | {Ratio(flick, limit, "obs_per_s", "0.0%")} | {(agree?["pass"] is { } p ? (p.GetValue<bool>() ? "yes" : "**no**") : "—")} |");
        }

        text.AppendLine();
        text.AppendLine("| target | measured | result |");
        text.AppendLine("|---|---|---|");
        foreach (var t in targets)
        {
            text.AppendLine(c, $"| {t.Target} | {t.Measured} | {(t.Result == BenchTargets.Fail ? "**FAIL**" : t.Result)} |");
        }

        text.AppendLine();
        text.AppendLine("<details><summary>Every measurement</summary>");
        text.AppendLine();
        text.AppendLine("| name | figures |");
        text.AppendLine("|---|---|");
        foreach (var line in m.All)
        {
            var figures = string.Join(", ", line.Where(p => p.Key != "name").Select(p => $"{p.Key} {p.Value?.ToJsonString()}"));
            text.AppendLine(c, $"| {line["name"]?.GetValue<string>()} | {figures} |");
        }

        text.AppendLine();
        text.AppendLine("</details>");
        return text.ToString();
    }

    private static string N(JsonObject? line, string field, string format, string unit = "") =>
        Measurements.Number(line, field) is { } value ? value.ToString(format, CultureInfo.InvariantCulture) + unit : "—";

    private static string Ratio(JsonObject? a, JsonObject? b, string field, string format) =>
        Measurements.Number(a, field) is { } x && Measurements.Number(b, field) is { } y && y > 0
            ? (x / y).ToString(format, CultureInfo.InvariantCulture)
            : "—";
}
