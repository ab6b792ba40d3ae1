using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Flick.Core.Ports;

namespace Flick.Kernels.Ports;

/// <summary>Objects in a dictionary: the kernels measure the steps' own work, not a disk.</summary>
public sealed class MemoryObjectStore : IObjectStore
{
    private readonly ConcurrentDictionary<(string Bucket, string Key), (byte[] Bytes, ObjectInfo Info)> _objects = new();
    private long _version;

    public ObjectInfo Put(string bucket, string key, byte[] bytes)
    {
        var info = new ObjectInfo(bucket, key, bytes.Length, $"\"v{Interlocked.Increment(ref _version)}\"", DateTimeOffset.UnixEpoch);
        _objects[(bucket, key)] = (bytes, info);
        return info;
    }

    public async Task<ObjectInfo> PutAsync(string bucket, string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        return Put(bucket, key, buffer.ToArray());
    }

    public Task<Stream?> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken) =>
        Task.FromResult<Stream?>(_objects.TryGetValue((bucket, key), out var o) ? new MemoryStream(o.Bytes, writable: false) : null);

    public Task<byte[]?> ReadRangeAsync(string bucket, string key, long offset, int length, CancellationToken cancellationToken) =>
        Task.FromResult(_objects.TryGetValue((bucket, key), out var o)
            ? o.Bytes.AsSpan((int)Math.Min(offset, o.Bytes.Length)).ToArray()[..Math.Min(length, Math.Max(0, o.Bytes.Length - (int)offset))]
            : null);

    public Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken) =>
        Task.FromResult(_objects.TryGetValue((bucket, key), out var o) ? o.Info : null);

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string bucket, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var item in _objects
                     .Where(kv => kv.Key.Bucket == bucket && kv.Key.Key.StartsWith(prefix, StringComparison.Ordinal))
                     .OrderBy(kv => kv.Key.Key, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item.Value.Info;
        }
    }

    public Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        _objects.TryRemove((bucket, key), out _);
        return Task.CompletedTask;
    }
}
