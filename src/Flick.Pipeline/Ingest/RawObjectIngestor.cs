using System.Text;
using System.Text.Json;
using Flick.Core.Domain;
using Flick.Core.Domain.Runs;
using Flick.Core.Parsing;
using Flick.Core.Ports;
using Flick.Core.Semantics;
using Flick.Pipeline.Buffers;
using Flick.Pipeline.Events;
using Flick.Pipeline.Layout;
using Flick.Pipeline.Steps;

namespace Flick.Pipeline.Ingest;

/// <summary>
/// The Background Starter's use case: turns one raw object (a pull manifest and its pages, or an
/// uploaded series document / NDJSON file) into silver — one part per (series, slot), a quarantine
/// file with the rejected records and their reasons, and a run manifest per series, written last
/// because its creation starts the run. Every key is derived from the raw object, so processing
/// the same object twice writes the same objects.
/// </summary>
/// <param name="handOff">
/// The slot steps' loader when they run in this process (<see cref="PipelineOptions.ShareParsedSlots"/>):
/// each slot written is handed to it with the part's ETag, before the run manifest starts the run.
/// </param>
public sealed class RawObjectIngestor(IObjectStore store, BucketNames buckets, TimeProvider clock, SlotLoader? handOff = null)
{
    public async Task<IngestResult> IngestAsync(string key, string? etag, CancellationToken ct)
    {
        var accumulator = new SlotAccumulator();
        var coverage = new Dictionary<string, string>(StringComparer.Ordinal);
        string? error;
        if (StorageLayout.IsPullManifest(key))
        {
            error = await ReadPullAsync(key, accumulator, coverage, ct);
        }
        else
        {
            error = await ReadUploadAsync(key, accumulator, ct);
        }

        var partId = StorageLayout.PartId(buckets.Raw, key);
        var runIds = new List<string>();
        var slots = accumulator.Slots().ToList();
        foreach (var group in slots.GroupBy(s => s.Series))
        {
            runIds.Add(await WriteSeriesAsync(group.Key, group.ToList(), partId, key, etag, coverage, accumulator, ct));
        }

        await WriteQuarantineAsync(accumulator, slots.Count > 0 ? slots[0].Series.Value : "_unknown", partId, key, ct);
        return new IngestResult(key, slots.Count, accumulator.KeptObservations, accumulator.RejectedCount, runIds, error);
    }

    private async Task<string?> ReadPullAsync(string key, SlotAccumulator sink, Dictionary<string, string> coverage, CancellationToken ct)
    {
        PullManifest? manifest;
        await using (var stream = await store.OpenReadAsync(buckets.Raw, key, ct) ?? throw new FileNotFoundException($"raw object '{key}' does not exist"))
        {
            manifest = await JsonSerializer.DeserializeAsync(stream, PipelineJson.Default.PullManifest, ct);
        }

        if (manifest is null || !SeriesId.TryParse(manifest.SeriesId, out var series))
        {
            throw new InvalidDataException($"pull manifest '{key}' is unreadable or names an invalid series");
        }

        var options = new ParseOptions { Format = InputFormat.HelixPage, Series = series, PullTime = manifest.At };

        // Coverage travels with the slot: whether the source's coverage rule was met in full (DESIGN §4).
        coverage["pull"] = manifest.PullId;
        coverage["pages"] = manifest.Pages.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        coverage["complete"] = manifest.Complete ? "true" : "false";
        if (manifest.Pages.Count == 0)
        {
            // A pull that got no page still says nothing about the minute: it is not a sample.
            return manifest.Error;
        }

        foreach (var page in manifest.Pages.Where(p => p.Status == 200))
        {
            await using var body = await store.OpenReadAsync(buckets.Raw, page.Key, ct) ?? throw new FileNotFoundException($"page '{page.Key}' of pull '{manifest.PullId}' is missing");
            var whole = new WholeSampleSink(sink);
            var summary = await RawInputParser.ParseAsync(body, options, whole, ct);
            whole.Complete();
            if (summary.Error is not null)
            {
                manifest = manifest with { Error = manifest.Error ?? $"page {page.Number}: {summary.Error}" };
            }
        }

        return manifest.Error;
    }

    private async Task<string?> ReadUploadAsync(string key, SlotAccumulator sink, CancellationToken ct)
    {
        await using var stream = await store.OpenReadAsync(buckets.Raw, key, ct) ?? throw new FileNotFoundException($"raw object '{key}' does not exist");
        var whole = new WholeSampleSink(sink);
        var summary = await RawInputParser.ParseAsync(stream, new ParseOptions { Format = InputFormat.Auto }, whole, ct);
        whole.Complete();
        return summary.Error;
    }

    private async Task<string> WriteSeriesAsync(SeriesId series, List<SlotContent> slots, string partId, string sourceKey, string? etag, Dictionary<string, string> coverage, SlotAccumulator acc, CancellationToken ct)
    {
        var metadata = new Dictionary<string, string>(coverage, StringComparer.Ordinal) { ["source"] = sourceKey, ["part"] = partId };
        foreach (var slot in slots)
        {
            await using var buffer = PooledStreams.Create("silver-slot");
            metadata["slot"] = slot.Slot.ToString();
            await SeriesDocumentWriter.WriteAsync(buffer, series, slot.Observations, metadata, ct);
            buffer.Position = 0;
            var part = await store.PutAsync(buckets.Series, StorageLayout.SlotPart(series, slot.Slot, partId), buffer, "application/json", ct);
            handOff?.Offer(part, slot);
        }

        var slotNames = slots.Select(s => s.Slot.ToString()).ToList();
        // The same object version gives the same run (a redelivery starts nothing); new content, a new run.
        var runId = StorageLayout.RunId(series, slots[0].Slot, $"{partId}\n{etag}\n{string.Join(',', slotNames)}");
        var manifest = new RunManifest
        {
            RunId = runId,
            SeriesId = series.Value,
            Slots = slotNames,
            Observations = slots.Sum(s => (long)s.Observations.Count),
            Rejected = acc.Rejections.Count(r => r.SeriesId == series.Value),
            Reason = RunReasons.Ingest,
            Source = sourceKey,
            Notify = true,
            CreatedAt = clock.GetUtcNow(),
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(manifest, PipelineJson.Default.RunManifest);
        using var content = new MemoryStream(json);
        await store.PutAsync(buckets.Series, StorageLayout.RunManifest(series, runId), content, "application/json", ct);
        return runId;
    }

    private async Task WriteQuarantineAsync(SlotAccumulator acc, string series, string partId, string sourceKey, CancellationToken ct)
    {
        if (acc.RejectedCount == 0)
        {
            return;
        }

        using var buffer = new MemoryStream();
        foreach (var rejection in acc.Rejections)
        {
            var line = JsonSerializer.SerializeToUtf8Bytes(new QuarantineRecord(sourceKey, rejection), QuarantineJson.Default.QuarantineRecord);
            buffer.Write(line);
            buffer.WriteByte((byte)'\n');
        }

        if (acc.RejectedCount > acc.Rejections.Count)
        {
            buffer.Write(Encoding.UTF8.GetBytes($"{{\"source\":{JsonSerializer.Serialize(sourceKey, QuarantineJson.Default.String)},\"omitted\":{acc.RejectedCount - acc.Rejections.Count}}}\n"));
        }

        buffer.Position = 0;
        var folder = SeriesId.IsValid(series) ? series : "_unknown";
        await store.PutAsync(buckets.Series, StorageLayout.Quarantine(folder, partId), buffer, "application/x-ndjson", ct);
    }
}
