using System.Text;
using Flick.Core.Domain;
using Flick.Core.Parsing;
using Flick.Core.Ports;
using Flick.Core.Semantics;
using Flick.Pipeline.Layout;

namespace Flick.Pipeline.Steps;

/// <summary>
/// Reads every part of one (series, slot) from silver and de-duplicates across parts, so that two
/// raw objects that sampled the same minute give one observation per channel.
/// </summary>
/// <remarks>
/// The three slot steps each read the same slot. Where they share a process (one machine, or a warm
/// Lambda container), the parsed slot is kept for the next step: the cache key is the list of the
/// slot's parts with their ETags, so a part written since is never served stale. The steps run in
/// parallel, so they usually ask at the same moment: a load in progress is shared too, and the slot
/// is parsed once rather than once per step. A failed load is not kept; the next caller tries again.
/// Where the ingest runs in the same process, it offers each slot it has just written (see
/// <see cref="Offer"/>): the steps then find it under the same key and skip the parse, and if another
/// part of that minute arrives, the key no longer matches and the slot is read from silver.
/// </remarks>
public sealed class SlotLoader(IObjectStore store, BucketNames buckets)
{
    private const int CachedSlots = 8;
    private readonly LinkedList<(string Key, SlotContent Content)> _recent = new();
    private readonly Dictionary<string, Task<SlotContent>> _loading = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async Task<SlotContent> LoadAsync(SeriesId series, Slot slot, CancellationToken ct)
    {
        var parts = new List<ObjectInfo>();
        await foreach (var part in store.ListAsync(buckets.Series, StorageLayout.SlotFolder(series, slot), ct))
        {
            parts.Add(part);
        }

        if (parts.Count == 0)
        {
            throw new InvalidDataException($"slot {slot} of series '{series}' has no data in the series bucket");
        }

        var key = CacheKey(parts);
        Task<SlotContent> load;
        TaskCompletionSource<SlotContent>? own = null;
        lock (_gate)
        {
            if (Find(key) is { } cached)
            {
                return cached;
            }

            if (!_loading.TryGetValue(key, out load!))
            {
                own = new TaskCompletionSource<SlotContent>(TaskCreationOptions.RunContinuationsAsynchronously);
                load = own.Task;
                _loading[key] = load;
            }
        }

        if (own is null)
        {
            try
            {
                return await load.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return await LoadAsync(series, slot, ct);   // the loader's caller gave up, this one has not
            }
        }

        try
        {
            var content = await ParseAsync(series, slot, parts, ct);
            lock (_gate)
            {
                Remember(key, content);
                _loading.Remove(key);
            }

            own.SetResult(content);
            return content;
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                _loading.Remove(key);
            }

            own.SetException(e);
            _ = own.Task.Exception;   // observed here: waiters that gave up must not leave it unobserved
            throw;
        }
    }

    /// <summary>
    /// Keeps <paramref name="content"/> as the slot whose only part is <paramref name="part"/>, as just
    /// written: what parsing that part gives, so a step that lists exactly this part uses it as is.
    /// </summary>
    public void Offer(ObjectInfo part, SlotContent content)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(content);
        var key = CacheKey([part]);
        lock (_gate)
        {
            if (Find(key) is null)
            {
                Remember(key, content);
            }
        }
    }

    private async Task<SlotContent> ParseAsync(SeriesId series, Slot slot, List<ObjectInfo> parts, CancellationToken ct)
    {
        var accumulator = new SlotAccumulator();
        accumulator.OnSample(series, slot.Start);
        foreach (var part in parts)
        {
            await using var stream = await store.OpenReadAsync(buckets.Series, part.Key, ct)
                ?? throw new FileNotFoundException($"slot part '{part.Key}' vanished while reading");
            var summary = await RawInputParser.ParseAsync(stream, new ParseOptions { Format = InputFormat.SeriesDocument }, accumulator, ct);
            if (summary.Error is not null || summary.Rejected > 0)
            {
                throw new InvalidDataException($"slot part '{part.Key}' is corrupt: {summary.Error ?? "it holds rejected records"}");
            }
        }

        return accumulator.Slots().Single(s => s.Series == series && s.Slot == slot);
    }

    private static string CacheKey(List<ObjectInfo> parts)
    {
        var key = new StringBuilder();
        foreach (var part in parts)
        {
            key.Append(part.Bucket).Append('/').Append(part.Key).Append('@').Append(part.ETag).Append('\n');
        }

        return key.ToString();
    }

    /// <summary>Under <see cref="_gate"/>.</summary>
    private SlotContent? Find(string key)
    {
        for (var node = _recent.First; node is not null; node = node.Next)
        {
            if (node.Value.Key == key)
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                return node.Value.Content;
            }
        }

        return null;
    }

    /// <summary>Under <see cref="_gate"/>.</summary>
    private void Remember(string key, SlotContent content)
    {
        _recent.AddFirst((key, content));
        while (_recent.Count > CachedSlots)
        {
            _recent.RemoveLast();
        }
    }
}
