using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Flick.Benchmarks;

/// <summary>
/// The limit: one thread reading every page of a data set and passing a <see cref="Utf8JsonReader"/>
/// over it, touching every token (counting tokens and string bytes, summing numbers) — less than
/// any parser that keeps the values can do. One warm-up pass, then the best of at least <c>passes</c> (and at least a second of them).
/// </summary>
internal static class LimitPass
{
    private const int StreamDepth = 2;   // root object > "data" array > stream objects
    private static readonly TimeSpan MinimumTime = TimeSpan.FromSeconds(1);

    public static int Run(string[] args)
    {
        var raw = Path.GetFullPath(args[0]);
        var passes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var size = args.Length > 2 ? args[2] : Path.GetFileName(Path.GetDirectoryName(raw)) ?? "data";
        var pages = Directory.EnumerateFiles(raw, "page-*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        if (pages.Count == 0)
        {
            Console.Error.WriteLine($"error: no page-*.json under {raw}");
            return 2;
        }

        var best = Pass(pages);
        // At least `passes` timed passes and a second in all, so that a small data set runs optimised code too.
        var time = TimeSpan.MaxValue;
        var total = TimeSpan.Zero;
        for (var i = 0; i < passes || total < MinimumTime; i++)
        {
            var watch = Stopwatch.StartNew();
            var result = Pass(pages);
            watch.Stop();
            if (result != best)
            {
                Console.Error.WriteLine("error: two passes over the same bytes disagree");
                return 1;
            }

            time = watch.Elapsed < time ? watch.Elapsed : time;
            total += watch.Elapsed;
        }

        var seconds = time.TotalSeconds;
        Console.WriteLine(FormattableString.Invariant(
            $"limit: {pages.Count:N0} pages, {best.Bytes / 1e6:N1} MB, {best.Tokens:N0} tokens ({best.StringBytes / 1e6:N1} MB of strings), {best.Observations:N0} observations, numbers sum {best.NumberSum:N0}: {seconds:N3} s"));
        BenchLine.Print($"pipeline/limit/{size}",
            ("observations", best.Observations), ("wall_s", seconds), ("obs_per_s", best.Observations / seconds),
            ("mb_per_s", best.Bytes / 1e6 / seconds), ("tokens", best.Tokens));
        return 0;
    }

    private static PassResult Pass(List<string> pages)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        long bytes = 0, tokens = 0, observations = 0, stringBytes = 0;
        double numbers = 0;
        try
        {
            foreach (var page in pages)
            {
                using var file = new FileStream(page, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                var length = (int)file.Length;
                if (length > buffer.Length)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(length);
                }

                file.ReadExactly(buffer, 0, length);
                bytes += length;
                var reader = new Utf8JsonReader(buffer.AsSpan(0, length));
                while (reader.Read())
                {
                    tokens++;
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.Number:
                            numbers += reader.TryGetInt64(out var whole) ? whole : reader.GetDouble();
                            break;
                        case JsonTokenType.String:
                        case JsonTokenType.PropertyName:
                            stringBytes += reader.ValueSpan.Length;
                            break;
                        case JsonTokenType.StartObject when reader.CurrentDepth == StreamDepth:
                            observations++;
                            break;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new PassResult(bytes, tokens, stringBytes, observations, numbers);
    }

    private readonly record struct PassResult(long Bytes, long Tokens, long StringBytes, long Observations, double NumberSum);
}
