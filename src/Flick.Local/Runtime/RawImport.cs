using System.Text.Json;
using Flick.Core.Domain;
using Flick.Core.Ports;
using Flick.Pipeline;
using Flick.Pipeline.Events;
using Flick.Pipeline.Layout;

namespace Flick.Local.Runtime;

/// <summary>
/// <c>--import</c>: puts a folder of raw objects (a copy of a raw bucket, or a data set written by
/// <see cref="Simulator.SimulatedPulls"/>) into the raw bucket through the object store, so every
/// put raises the same "Object Created" event as a pull's and the whole flow runs from bronze to
/// gold. Within a pull folder the pages go first and the manifest last, as the puller writes them:
/// the manifest's event starts the ingestion of pages that are already stored.
/// </summary>
public sealed class RawImport(IObjectStore store, PipelineOptions pipeline)
{
    public async Task<RawImportResult> ImportAsync(string folder, CancellationToken ct)
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"import folder '{root}' does not exist");
        }

        // Pull folders in key order; in each, the manifest after its pages.
        var keys = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .OrderBy(key => key[..(key.LastIndexOf('/') + 1)], StringComparer.Ordinal)
            .ThenBy(StorageLayout.IsPullManifest)
            .ThenBy(key => key, StringComparer.Ordinal)
            .ToList();
        if (!keys.Any(StorageLayout.IsPullManifest))
        {
            throw new InvalidDataException($"import folder '{root}' holds no pull manifest ({StorageLayout.PullsPrefix}<source>/<date>/<pull>/{StorageLayout.PullManifestName})");
        }

        Slot? first = null;
        Slot? last = null;
        long bytes = 0;
        var pulls = 0;
        foreach (var key in keys)
        {
            var path = Path.Combine(root, key.Replace('/', Path.DirectorySeparatorChar));
            if (StorageLayout.IsPullManifest(key))
            {
                var at = Slot.Of(await ReadPullTimeAsync(path, key, ct));
                first = first is null || at < first ? at : first;
                last = last is null || at > last ? at : last;
                pulls++;
            }

            await using var content = File.OpenRead(path);
            bytes += content.Length;
            try
            {
                await store.PutAsync(pipeline.Buckets.Raw, key, content, "application/json", ct);
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"cannot import '{key}': {e.Message}", e);
            }
        }

        return new RawImportResult(keys.Count, bytes, pulls, first!.Value, last!.Value.AddMinutes(1));
    }

    private static async Task<DateTimeOffset> ReadPullTimeAsync(string path, string key, CancellationToken ct)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            var manifest = await JsonSerializer.DeserializeAsync(stream, PipelineJson.Default.PullManifest, ct);
            return manifest?.At ?? throw new InvalidDataException($"pull manifest '{key}' is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"pull manifest '{key}' is not readable: {e.Message}", e);
        }
    }
}
