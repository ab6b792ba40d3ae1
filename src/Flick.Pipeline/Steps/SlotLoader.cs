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
/// <para>
/// The oldest slot kept goes first, whether it was asked for or not: slots are offered in about
/// the order their runs ask for them, and a slot its steps have read is not read again. (Keeping
/// the slots read most recently would push out offered slots still waiting for their steps.) An
/// ingest that runs ahead of the steps can wait for room (<see cref="WaitForRoomAsync"/>) so that
/// its offers are still kept when their steps ask.
/// </para>
/// </remarks>
public sealed class SlotLoader(IObjectStore store, BucketNames buckets, TimeProvider? clock = null)
{
    /// <summary>Slots kept at most.</summary>
    public const int CachedSlots = 8;

    /// <summary>
    /// How long an offered slot that no step has asked for counts as waiting: its run may have
    /// failed before its steps or may never start, and an ingest must not wait for it for ever.
    /// </summary>
    public static readonly TimeSpan OfferWait = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(250);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly LinkedList<Entry> _recent = new();
    private readonly Dictionary<string, Task<SlotContent>> _loading = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private TaskCompletionSource _read = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Slots offered in the last <see cref="OfferWait"/> that are still kept and that no step has asked for yet.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return CountWaiting();
            }
        }
    }

    /// <summary>
    /// Completes once fewer than <paramref name="limit"/> offered slots are <see cref="Waiting"/>. An
    /// ingest in the steps' process awaits it before it takes the next raw object.
    /// </summary>
    public async Task WaitForRoomAsync(int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        while (true)
        {
            Task read;
            lock (_gate)
            {
                if (CountWaiting() < limit)
                {
                    return;
                }

                read = _read.Task;
            }

            // A slot read wakes the wait at once; an offer that stops counting only by its age is seen at the next check.
            await Task.WhenAny(read, Task.Delay(Recheck, _clock, ct));
            ct.ThrowIfCancellationRequested();
        }
    }

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
            if (Find(key, read: true) is { } cached)
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
                Remember(new Entry(key, content, OfferedAt: null) { Read = true });
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
            if (Find(key, read: false) is null)
            {
                Remember(new Entry(key, content, _clock.GetTimestamp()));
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

    /// <summary>Under <see cref="_gate"/>; a slot found for a step counts as read.</summary>
    private SlotContent? Find(string key, bool read)
    {
        for (var node = _recent.First; node is not null; node = node.Next)
        {
            if (node.Value.Key == key)
            {
                if (read && !node.Value.Read)
                {
                    node.Value.Read = true;
                    var readers = _read;
                    _read = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    readers.TrySetResult();   // runs its continuations elsewhere: safe under the lock
                }

                return node.Value.Content;
            }
        }

        return null;
    }

    /// <summary>Under <see cref="_gate"/>: the newest first, the oldest dropped beyond <see cref="CachedSlots"/>.</summary>
    private void Remember(Entry entry)
    {
        _recent.AddFirst(entry);
        while (_recent.Count > CachedSlots)
        {
            _recent.RemoveLast();
        }
    }

    /// <summary>Under <see cref="_gate"/>.</summary>
    private int CountWaiting()
    {
        var waiting = 0;
        foreach (var entry in _recent)
        {
            if (!entry.Read && entry.OfferedAt is { } offered && _clock.GetElapsedTime(offered) < OfferWait)
            {
                waiting++;
            }
        }

        return waiting;
    }

    /// <summary>A kept slot: <see cref="OfferedAt"/> is set when the ingest offered it rather than a step loading it.</summary>
    private sealed record Entry(string Key, SlotContent Content, long? OfferedAt)
    {
        public bool Read { get; set; }
    }
}
