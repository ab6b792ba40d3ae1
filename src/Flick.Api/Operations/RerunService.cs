using System.Text.Json;
using Flick.Api.Contracts;
using Flick.Api.Http;
using Flick.Api.Input;
using Flick.Core.Domain;
using Flick.Core.Domain.Runs;
using Flick.Core.Ports;
using Flick.Pipeline.Events;
using Flick.Pipeline.Layout;

namespace Flick.Api.Operations;

/// <summary>
/// A re-run is a new run manifest over slots already in the series bucket: writing it starts the
/// run through the normal path (the Series Starter), so nothing else is special about it. The run
/// id derives from the series, the range and the request id, so a retried request writes the same
/// manifest and starts nothing twice.
/// </summary>
public sealed class RerunService(IObjectStore store, BucketNames buckets, TimeProvider clock)
{
    private const int MaxRequestIdLength = 100;

    public async Task<Outcome<RerunAccepted>> RerunAsync(string? seriesId, RerunRequest? request, string? idempotencyKey, CancellationToken ct)
    {
        var errors = new InputErrors();
        var series = ApiInput.Series(seriesId, errors);
        var window = ApiInput.Window(request?.From, request?.To, errors);
        var requestId = request?.RequestId ?? idempotencyKey ?? Guid.NewGuid().ToString("N");
        if (requestId.Length is 0 or > MaxRequestIdLength || !requestId.All(c => c is > ' ' and < (char)127))
        {
            errors.Add("requestId", $"requestId must be 1 to {MaxRequestIdLength} printable ASCII characters");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var id = SeriesId.Parse(series);
        var slots = new SortedSet<Slot>();
        var prefix = StorageLayout.SeriesSlotsPrefix(id);
        await foreach (var item in store.ListAsync(buckets.Series, prefix, ct))
        {
            var rest = item.Key.AsSpan(prefix.Length);
            var slash = rest.IndexOf('/');
            if (slash > 0 && Slot.TryParse(rest[..slash].ToString(), out var slot) && (window is not { } w || (slot >= w.From && slot < w.To)))
            {
                slots.Add(slot);
            }
        }

        if (slots.Count == 0)
        {
            return ApiError.NotFound(window is null ? $"series '{series}' has no stored slots" : $"series '{series}' has no stored slots in that range");
        }

        var coverage = $"{RunReasons.Rerun}\n{window?.From}\n{window?.To}\n{requestId}";
        var runId = StorageLayout.RunId(id, slots.Min, coverage);
        var key = StorageLayout.RunManifest(id, runId);
        if (await store.HeadAsync(buckets.Series, key, ct) is null)
        {
            var manifest = new RunManifest
            {
                RunId = runId,
                SeriesId = series,
                Slots = slots.Select(s => s.ToString()).ToList(),
                Reason = RunReasons.Rerun,
                Source = "api:" + requestId,
                Notify = true,
                CreatedAt = clock.GetUtcNow(),
            };
            using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(manifest, PipelineJson.Default.RunManifest));
            await store.PutAsync(buckets.Series, key, content, "application/json", ct);
        }

        return new RerunAccepted(runId, series, slots.Count, slots.Min.Start, slots.Max.End, "accepted");
    }
}
