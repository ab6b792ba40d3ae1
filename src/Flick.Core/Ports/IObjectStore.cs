namespace Flick.Core.Ports;

/// <summary>
/// Buckets of objects (S3 in AWS, folders on one machine). Buckets are named by their logical role
/// (<see cref="Buckets"/>); adapters map roles to real names. Writes are atomic: a reader sees the
/// whole old object or the whole new one. A successful put emits an "Object Created" event.
/// </summary>
public interface IObjectStore
{
    /// <summary>Writes <paramref name="content"/> (read to its end, never buffered whole) under the key.</summary>
    Task<ObjectInfo> PutAsync(string bucket, string key, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>Opens the object for streaming reads, or returns null when it does not exist.</summary>
    Task<Stream?> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken);

    /// <summary>Reads <paramref name="length"/> bytes from <paramref name="offset"/> (fewer at the end), or null when missing.</summary>
    Task<byte[]?> ReadRangeAsync(string bucket, string key, long offset, int length, CancellationToken cancellationToken);

    Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken);

    /// <summary>Lists objects whose key starts with <paramref name="prefix"/>, in ordinal key order.</summary>
    IAsyncEnumerable<ObjectInfo> ListAsync(string bucket, string prefix, CancellationToken cancellationToken);

    Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken);
}
