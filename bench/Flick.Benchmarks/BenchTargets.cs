using System.Globalization;
using System.Text.Json.Nodes;

namespace Flick.Benchmarks;

/// <summary>
/// The targets of the performance issue. The pipeline's are judged on data set S (or, in a quick
/// run without S, on the largest data set run, which the row says); the API's and the Lambda
/// host's on the lines their scripts print; any other line that carries "pass" is a target too.
/// </summary>
internal static class BenchTargets
{
    public const string Pass = "PASS";
    public const string Fail = "FAIL";
    public const string NotMeasured = "not measured";

    private const double MaxFlickToDuckDb = 1.0;
    private const double MinShareOfLimit = 0.25;
    private const double MaxPeakRssMegabytes = 512;
    private const double MaxScalingTime = 4.2;
    private const double MaxScalingRss = 1.2;
    private const double MinCachedShareOfBare = 0.70;
    private const double MaxCachedP99Ms = 5;
    private const double MaxAotStartMs = 50;

    private static readonly string[] Bare = ["bare"];
    private static readonly string[] Cached = ["cache"];
    private static readonly string[] NotCached = ["bare", "uncached", "no-cache", "nocache", "cache-off", "cache off", "uncache"];
    private static readonly string[] Aot = ["aot"];
    private static readonly string[] Nothing = [];

    public static IReadOnlyList<TargetResult> Evaluate(Measurements m)
    {
        var results = new List<TargetResult>();
        var sizes = m.Sizes;
        var size = sizes.Contains("S") ? "S" : sizes.Count > 0 ? sizes[^1] : null;
        var on = size is null or "S" ? "" : $" (on {size}, not S)";
        var flick = size is null ? null : m.Find("flick", size);
        var duck = size is null ? null : m.Find("duckdb", size);
        var limit = size is null ? null : m.Find("limit", size);
        var agree = size is null ? null : m.Find("agreement", size);

        results.Add(Check($"Flick's and DuckDB's answers agree{on}", agree?["pass"] is JsonValue p && p.TryGetValue<bool>(out var agreed) ? (agreed ? 1 : 0) : null,
            v => v == 1, v => v == 1 ? "equal" : "differ"));
        results.Add(Check($"Flick/DuckDB time ≤ {MaxFlickToDuckDb:0.0}{on}", Ratio(flick, duck, "wall_s"), v => v <= MaxFlickToDuckDb, v => F(v, "0.00")));
        results.Add(Check($"Flick ≥ {MinShareOfLimit * 100:0}% of the limit's throughput{on}", Ratio(flick, limit, "obs_per_s"), v => v >= MinShareOfLimit, v => F(v, "0.0%")));
        results.Add(Check($"Flick peak RSS < {MaxPeakRssMegabytes:0} MB{on}", Measurements.Number(flick, "peak_rss_mb"), v => v < MaxPeakRssMegabytes, v => F(v, "0") + " MB"));

        // S and M run in rounds, and the scaling line holds the median of each round's M over S; a run
        // without it (one data set at a time) falls back to the ratio of the medians.
        var s = m.Find("flick", "S");
        var big = m.Find("flick", "M");
        var scaling = m.Find("scaling", "M");
        results.Add(Check($"Scaling S→M: time ≤ {MaxScalingTime:0.0}×", Measurements.Number(scaling, "time_ratio") ?? Ratio(big, s, "wall_s"), v => v <= MaxScalingTime, v => F(v, "0.00") + "×"));
        results.Add(Check($"Scaling S→M: peak RSS ≤ {MaxScalingRss:0.0}×", Measurements.Number(scaling, "peak_rss_ratio") ?? Ratio(big, s, "peak_rss_mb"), v => v <= MaxScalingRss, v => F(v, "0.00") + "×"));

        var bares = m.Named(Bare, Nothing).ToList();
        var cached = m.Named(Cached, NotCached).ToList();
        if (cached.Count == 0)
        {
            results.Add(new TargetResult($"API cached ≥ {MinCachedShareOfBare * 100:0}% of bare Kestrel's requests/s", "", NotMeasured));
            results.Add(new TargetResult($"API cached p99 < {MaxCachedP99Ms:0} ms at 32 connections", "", NotMeasured));
        }

        foreach (var line in cached)
        {
            var name = Measurements.Name(line);

            // Each request against the bare endpoint of the same request (api/cached/x ↔ api/bare/x), else the first bare one.
            var request = name[(name.LastIndexOf('/') + 1)..];
            var bare = bares.FirstOrDefault(b => Measurements.Name(b).EndsWith("/" + request, StringComparison.Ordinal)) ?? bares.FirstOrDefault();
            results.Add(Check($"{name}: ≥ {MinCachedShareOfBare * 100:0}% of bare Kestrel's requests/s", Ratio(line, bare, "rps"), v => v >= MinCachedShareOfBare, v => F(v, "0%")));
            results.Add(Check($"{name}: p99 < {MaxCachedP99Ms:0} ms", Measurements.Number(line, "p99_ms"), v => v < MaxCachedP99Ms, v => F(v, "0.00") + " ms"));
        }

        var aot = m.Named(Aot, Nothing).Where(l => Measurements.Number(l, "ms") is not null).ToList();
        results.Add(aot.Count == 0
            ? new TargetResult($"AOT bootstrap start to first response < {MaxAotStartMs:0} ms", "", NotMeasured)
            : Check($"{Measurements.Name(aot[0])}: < {MaxAotStartMs:0} ms", Measurements.Number(aot[0], "ms"), v => v < MaxAotStartMs, v => F(v, "0.0") + " ms"));

        // Targets that other tools judge themselves.
        var judged = cached.Concat(aot.Take(1)).ToHashSet();
        foreach (var line in m.All.Where(l => !Measurements.Name(l).StartsWith("pipeline/", StringComparison.Ordinal) && l["pass"] is JsonValue && !judged.Contains(l)))
        {
            var passed = line["pass"]!.GetValue<bool>();
            var target = Measurements.Number(line, "target") is { } t ? $" (target {F(t, "0.###")})" : "";
            results.Add(new TargetResult(Measurements.Name(line) + target, "", passed ? Pass : Fail));
        }

        return results;
    }

    private static TargetResult Check(string target, double? measured, Func<double, bool> passes, Func<double, string> shown) =>
        measured is { } value
            ? new TargetResult(target, shown(value), passes(value) ? Pass : Fail)
            : new TargetResult(target, "", NotMeasured);

    private static double? Ratio(JsonObject? a, JsonObject? b, string field) =>
        Measurements.Number(a, field) is { } x && Measurements.Number(b, field) is { } y && y > 0 ? x / y : null;

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
