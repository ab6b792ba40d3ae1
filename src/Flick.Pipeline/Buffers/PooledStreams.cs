using Microsoft.IO;

namespace Flick.Pipeline.Buffers;

/// <summary>
/// Memory streams for the documents a step builds before it puts them (a slot's silver document of
/// a few megabytes, a Parquet file): their blocks come from a pool and go back to it on dispose,
/// instead of a growing array per document that lands on the large-object heap.
/// </summary>
public static class PooledStreams
{
    private static readonly RecyclableMemoryStreamManager Manager = new(new RecyclableMemoryStreamManager.Options
    {
        BlockSize = 64 * 1024,
        LargeBufferMultiple = 1024 * 1024,
        MaximumBufferSize = 64 * 1024 * 1024,
        // What the pool keeps when idle is bounded: a handful of slots' documents, not the peak of a backlog.
        MaximumSmallPoolFreeBytes = 32L * 1024 * 1024,
        MaximumLargePoolFreeBytes = 16L * 1024 * 1024,
    });

    /// <summary>An empty stream; disposing it returns its memory to the pool.</summary>
    public static MemoryStream Create(string tag) => Manager.GetStream(tag);
}
