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
public sealed class SlotLoader(IObjectStore store, BucketNames buckets)
{
    public async Task<SlotContent> LoadAsync(SeriesId series, Slot slot, CancellationToken ct)
    {
        var accumulator = new SlotAccumulator();
        accumulator.OnSample(series, slot.Start);
        var parts = 0;
        await foreach (var part in store.ListAsync(buckets.Series, StorageLayout.SlotFolder(series, slot), ct))
        {
            parts++;
            await using var stream = await store.OpenReadAsync(buckets.Series, part.Key, ct)
                ?? throw new FileNotFoundException($"slot part '{part.Key}' vanished while reading");
            var summary = await RawInputParser.ParseAsync(stream, new ParseOptions { Format = InputFormat.SeriesDocument }, accumulator, ct);
            if (summary.Error is not null || summary.Rejected > 0)
            {
                throw new InvalidDataException($"slot part '{part.Key}' is corrupt: {summary.Error ?? "it holds rejected records"}");
            }
        }

        if (parts == 0)
        {
            throw new InvalidDataException($"slot {slot} of series '{series}' has no data in the series bucket");
        }

        return accumulator.Slots().Single(s => s.Series == series && s.Slot == slot);
    }
}
