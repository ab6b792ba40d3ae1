using System.Security.Cryptography;
using System.Text.Json;
using Flick.Core.Domain;
using Flick.Core.Domain.Pulls;
using Flick.Pipeline.Events;
using Flick.Pipeline.Layout;

namespace Flick.Local.Simulator;

/// <summary>
/// Writes, without HTTP, the raw objects that pulling the simulated world minute by minute leaves in
/// the raw bucket: for each minute every page exactly as the simulator serves it (same bytes, same
/// cursors) and the pull manifest the puller writes after them. The same options give the same
/// bytes, so a data set is reproducible from its seed and size; <c>--import</c> feeds it to the
/// pipeline.
/// </summary>
public static class SimulatedPulls
{
    /// <summary>The filters part of a cursor for a pull without language or game filters.</summary>
    private const string NoFilters = ";";

    /// <param name="rawDirectory">The root of the raw bucket: keys become paths below it.</param>
    /// <param name="source">The source name, which is also the series id (as for the embedded runtime's "sim").</param>
    public static async Task<SimulatedPullsSummary> WriteAsync(
        string rawDirectory, SimulatorOptions world, string source, DateTimeOffset from, int minutes, int pageSize, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rawDirectory);
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        if (!SeriesId.IsValid(source))
        {
            throw new ArgumentException($"source '{source}' is not a valid series id", nameof(source));
        }

        var simulated = new SimulatedWorld(world);
        var start = Slot.Of(from);
        var totals = new SimulatedPullsSummary[minutes];
        await Parallel.ForEachAsync(Enumerable.Range(0, minutes), new ParallelOptions { CancellationToken = ct }, async (i, token) =>
            totals[i] = await WritePullAsync(rawDirectory, simulated, source, start.AddMinutes(i).Start, pageSize, token));
        return new SimulatedPullsSummary(minutes, totals.Sum(t => t.Pages), totals.Sum(t => t.Bytes), totals.Sum(t => t.Streams));
    }

    private static async Task<SimulatedPullsSummary> WritePullAsync(string root, SimulatedWorld world, string source, DateTimeOffset at, int pageSize, CancellationToken ct)
    {
        var pullId = StorageLayout.PullId(source, at);
        var folder = StorageLayout.PullFolder(source, pullId, at);
        var streams = world.Snapshot(at);
        var minute = at.ToUnixTimeSeconds();
        var pages = new List<PulledPage>();
        long bytes = 0;
        var offset = 0;
        do
        {
            // As the simulator pages: a cursor while streams remain, none on the last (or only, empty) page.
            var page = streams.Skip(offset).Take(pageSize).ToList();
            var next = offset + pageSize < streams.Count ? new StreamsCursor(minute, offset + pageSize, NoFilters).Encode() : null;
            var body = await HelixJson.PageAsync(page, next, ct);
            var key = StorageLayout.PullPage(folder, pages.Count + 1);
            await WriteAsync(root, key, body, ct);
            pages.Add(new PulledPage(pages.Count + 1, key, body.Length, Convert.ToHexStringLower(SHA256.HashData(body)), 200));
            bytes += body.Length;
            offset += pageSize;
        }
        while (offset < streams.Count);

        var manifest = new PullManifest(pullId, source, source, at, pages, nameof(PullStatus.Succeeded), true, null);
        await WriteAsync(root, StorageLayout.PullManifest(folder), JsonSerializer.SerializeToUtf8Bytes(manifest, PipelineJson.Default.PullManifest), ct);
        return new SimulatedPullsSummary(1, pages.Count, bytes, streams.Count);
    }

    private static async Task WriteAsync(string root, string key, byte[] content, CancellationToken ct)
    {
        var path = Path.Combine(root, key.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content, ct);
    }
}
