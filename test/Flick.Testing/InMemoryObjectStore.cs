using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Flick.Core.Ports;

namespace Flick.Testing;

/// <summary>An object store in memory, for tests of handlers that only need the port's behaviour.</summary>
public sealed class InMemoryObjectStore : IObjectStore
{
    private readonly ConcurrentDictionary<(string Bucket, string Key), (byte[] Bytes, ObjectInfo Info)> _objects = new();

    public List<ObjectInfo> Created { get; } = [];

    public IEnumerable<(string Bucket, string Key, byte[] Bytes)> All =>
        _objects.OrderBy(kv => kv.Key.Bucket, StringComparer.Ordinal).ThenBy(kv => kv.Key.Key, StringComparer.Ordinal)
            .Select(kv => (kv.Key.Bucket, kv.Key.Key, kv.Value.Bytes));

    public void Put(string bucket, string key, byte[] bytes) =>
        _objects[(bucket, key)] = (bytes, new ObjectInfo(bucket, key, bytes.Length, $"\"{Convert.ToHexStringLower(MD5.HashData(bytes))}\"", DateTimeOffset.UnixEpoch));

    public async Task<ObjectInfo> PutAsync(string bucket, string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        Put(bucket, key, buffer.ToArray());
        var info = _objects[(bucket, key)].Info;
        lock (Created)
        {
            Created.Add(info);
        }

        return info;
    }

    public Task<Stream?> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken) =>
        Task.FromResult<Stream?>(_objects.TryGetValue((bucket, key), out var o) ? new MemoryStream(o.Bytes, writable: false) : null);

    public Task<byte[]?> ReadRangeAsync(string bucket, string key, long offset, int length, CancellationToken cancellationToken) =>
        Task.FromResult(_objects.TryGetValue((bucket, key), out var o)
            ? o.Bytes.Skip((int)offset).Take(length).ToArray()
            : null);

    public Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken) =>
        Task.FromResult(_objects.TryGetValue((bucket, key), out var o) ? o.Info : null);

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string bucket, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var item in _objects.Where(kv => kv.Key.Bucket == bucket && kv.Key.Key.StartsWith(prefix, StringComparison.Ordinal))
                     .OrderBy(kv => kv.Key.Key, StringComparer.Ordinal))
        {
            yield return item.Value.Info;
        }
    }

    public Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        _objects.TryRemove((bucket, key), out _);
        return Task.CompletedTask;
    }
}
