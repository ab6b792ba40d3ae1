using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Flick.Local.Runtime;
using Flick.Local.Simulator;

namespace Flick.Benchmarks;

/// <summary>
/// Writes a data set: the raw bucket objects of <c>minutes</c> pulls of the simulated world of
/// <c>channels</c> channels (<c>&lt;dir&gt;/raw</c>) and what it holds (<c>&lt;dir&gt;/dataset.json</c>).
/// Written to a temporary folder and renamed, so an interrupted run never leaves a half data set.
/// </summary>
internal static class DataSetCommand
{
    private const int DefaultSeed = 20261123;
    private const int PageSize = 100;
    private static readonly DateTimeOffset DefaultEnd = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        var dir = Path.GetFullPath(args[0]);
        var channels = int.Parse(args[1], CultureInfo.InvariantCulture);
        var minutes = int.Parse(args[2], CultureInfo.InvariantCulture);
        var seed = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : DefaultSeed;
        var end = args.Length > 4 ? DateTimeOffset.Parse(args[4], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal) : DefaultEnd;
        if (File.Exists(Path.Combine(dir, "dataset.json")))
        {
            Console.WriteLine($"data set {dir} exists: kept");
            return 0;
        }

        var temporary = dir + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        if (Directory.Exists(temporary))
        {
            Directory.Delete(temporary, recursive: true);
        }

        var watch = Stopwatch.StartNew();
        var world = new SimulatorOptions { Channels = channels, Seed = seed };
        var written = await SimulatedPulls.WriteAsync(Path.Combine(temporary, "raw"), world, LocalHost.SimulatedSource, end.AddMinutes(-minutes), minutes, PageSize, CancellationToken.None);
        var info = new DataSetInfo(channels, minutes, seed, end, written.Pulls, written.Pages, written.Bytes, written.Streams);
        await File.WriteAllBytesAsync(Path.Combine(temporary, "dataset.json"), JsonSerializer.SerializeToUtf8Bytes(info, BenchJson.Default.DataSetInfo));
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        Directory.Move(temporary, dir);
        Console.WriteLine(FormattableString.Invariant(
            $"data set {dir}: {channels:N0} channels x {minutes} minutes, seed {seed}: {written.Pages:N0} pages, {written.Bytes / 1e6:N1} MB, {written.Streams:N0} observations ({watch.Elapsed.TotalSeconds:N1} s)"));
        return 0;
    }
}
