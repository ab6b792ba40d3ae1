using Flick.Core.Ports;
using Flick.Local.Runtime;

namespace Flick.Local.Tests.EndToEnd;

/// <summary>
/// An object store that tells the local bus of every object it creates, as S3 does through EventBridge
/// notifications in AWS. The event names the bucket as the caller named it, which is what the local
/// bus rules match (the pipeline's bucket names).
/// </summary>
internal sealed class EventPublishingObjectStore(IObjectStore inner, LocalObjectEvents events) : IObjectStore
{
    public async Task<ObjectInfo> PutAsync(string bucket, string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var created = await inner.PutAsync(bucket, key, content, contentType, cancellationToken);
        await events.OnObjectCreatedAsync(created with { Bucket = bucket }, cancellationToken);
        return created;
    }

    public Task<Stream?> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken) =>
        inner.OpenReadAsync(bucket, key, cancellationToken);

    public Task<byte[]?> ReadRangeAsync(string bucket, string key, long offset, int length, CancellationToken cancellationToken) =>
        inner.ReadRangeAsync(bucket, key, offset, length, cancellationToken);

    public Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken) =>
        inner.HeadAsync(bucket, key, cancellationToken);

    public IAsyncEnumerable<ObjectInfo> ListAsync(string bucket, string prefix, CancellationToken cancellationToken) =>
        inner.ListAsync(bucket, prefix, cancellationToken);

    public Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken) =>
        inner.DeleteAsync(bucket, key, cancellationToken);
}
