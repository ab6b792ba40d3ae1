using System.Security.Cryptography;
using System.Text.Json;
using Flick.Core.Domain;
using Flick.Core.Domain.Pulls;
using Flick.Core.Parsing;
using Flick.Core.Ports;
using Flick.Pipeline.Events;
using Flick.Pipeline.Layout;
using Flick.Pipeline.Sources;

namespace Flick.Pipeline.Pulls;

/// <summary>
/// Pulls one source once: pages through Helix "Get Streams" under the source's coverage rule,
/// stores every page exactly as received (bronze), then writes the pull manifest — whose creation
/// starts ingestion — and the pull record. Keys derive from the source and the minute, so pulling
/// a minute again overwrites the same objects.
/// </summary>
public sealed class Puller(
    HelixClient helix,
    IObjectStore store,
    IPullLog pulls,
    ISourceCredentials credentials,
    PipelineOptions options,
    TimeProvider clock)
{
    public async Task<PullRecord> PullAsync(PullRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var source = options.FindSource(request.Source) ?? throw new ArgumentException($"unknown source '{request.Source}'", nameof(request));
        var started = clock.GetUtcNow();
        var at = request.At ?? started;
        var pullId = StorageLayout.PullId(source.Name, at);
        var folder = StorageLayout.PullFolder(source.Name, pullId, at);
        var credential = await credentials.GetAsync(source.Name, ct);

        var pages = new List<PulledPage>();
        var cursors = new HelixCursorTracker();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        string? cursor = null;
        string? error = null;
        var complete = false;
        long bytes = 0;
        var streams = 0;

        while (pages.Count < source.MaxPages)
        {
            var response = await helix.GetStreamsPageAsync(new HelixPageRequest
            {
                BaseUri = source.ApiBase!,
                First = source.PageSize,
                After = cursor,
                Languages = source.Language is null ? [] : [source.Language],
                GameIds = source.GameIds.ToList(),
                At = at,
                AllowTimeTravel = source.AllowTimeTravel,
                Credentials = credential,
            }, ct);
            if (!response.IsSuccess)
            {
                error = $"page {pages.Count + 1}: {response.Failure!.Kind}: {response.Failure.Message}";
                break;
            }

            var number = pages.Count + 1;
            var key = StorageLayout.PullPage(folder, number);
            using (var body = new MemoryStream(response.Body, writable: false))
            {
                await store.PutAsync(options.Buckets.Raw, key, body, "application/json", ct);
            }

            sha.AppendData(response.Body);
            bytes += response.Body.Length;
            pages.Add(new PulledPage(number, key, response.Body.Length, Convert.ToHexStringLower(SHA256.HashData(response.Body)), response.StatusCode));

            var scan = new PageScan();
            using (var body = new MemoryStream(response.Body, writable: false))
            {
                var summary = await RawInputParser.ParseAsync(body, new ParseOptions { Format = InputFormat.HelixPage, Series = source.Series, PullTime = at }, scan, ct);
                streams += summary.Observations;
                if (summary.Error is not null)
                {
                    error = $"page {number} is not a readable Helix page: {summary.Error}";
                    break;
                }

                cursor = summary.Cursor;
            }

            if (cursor is null || (source.ViewerFloor > 0 && scan.MinViewers < source.ViewerFloor))
            {
                complete = true;
                break;
            }

            if (!cursors.TryVisit(cursor))
            {
                error = $"page {number} returned a cursor already seen in this pull: the source loops, stopping";
                break;
            }
        }

        if (!complete && error is null)
        {
            error = $"stopped at the page limit ({source.MaxPages}); coverage is partial";
        }

        var status = complete && error is null ? PullStatus.Succeeded : pages.Count > 0 ? PullStatus.Partial : PullStatus.Failed;
        var manifest = new PullManifest(pullId, source.Name, source.SeriesId, at, pages, status.ToString(), complete, error);
        var manifestKey = StorageLayout.PullManifest(folder);
        using (var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(manifest, PipelineJson.Default.PullManifest)))
        {
            await store.PutAsync(options.Buckets.Raw, manifestKey, content, "application/json", ct);
        }

        var record = new PullRecord
        {
            PullId = pullId,
            Source = source.Name,
            SeriesId = source.SeriesId,
            At = at,
            StartedAt = started,
            FinishedAt = clock.GetUtcNow(),
            Pages = pages.Count,
            Bytes = bytes,
            Streams = streams,
            Sha256 = Convert.ToHexStringLower(sha.GetHashAndReset()),
            Status = status,
            Error = error,
            ManifestKey = manifestKey,
            Complete = complete,
        };
        await pulls.PutAsync(record, ct);
        return record;
    }

    /// <summary>Only what paging needs from a page: the smallest viewer count (pages are sorted desc).</summary>
    private sealed class PageScan : IObservationSink
    {
        public int MinViewers { get; private set; } = int.MaxValue;

        public void OnSample(SeriesId series, DateTimeOffset at)
        {
        }

        public void OnObservation(SeriesId series, Observation observation) => MinViewers = Math.Min(MinViewers, observation.ViewerCount);

        public void OnRejected(Rejection rejection)
        {
        }
    }
}
