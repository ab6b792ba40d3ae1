using System.Buffers;
using System.Buffers.Binary;
using Microsoft.Extensions.Caching.Hybrid;

namespace Flick.Api.Caching;

/// <summary>Stores an answer in Redis as its status (4 bytes, big-endian) followed by the body.</summary>
public sealed class CachedAnswerSerializer : IHybridCacheSerializer<CachedAnswer>
{
    public CachedAnswer Deserialize(ReadOnlySequence<byte> source)
    {
        if (source.Length < sizeof(int))
        {
            throw new InvalidDataException("a cached answer is shorter than its header");
        }

        var bytes = source.ToArray();
        return new CachedAnswer(BinaryPrimitives.ReadInt32BigEndian(bytes), bytes.AsMemory(sizeof(int)));
    }

    public void Serialize(CachedAnswer value, IBufferWriter<byte> target)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(target);
        var header = target.GetSpan(sizeof(int));
        BinaryPrimitives.WriteInt32BigEndian(header, value.Status);
        target.Advance(sizeof(int));
        target.Write(value.Body.Span);
    }
}
