using System.Buffers;
using System.Runtime.CompilerServices;
using Flick.Core.Ports;
using Microsoft.Win32.SafeHandles;

namespace Flick.Local.Storage;

/// <summary>
/// Buckets as folders: <c>&lt;root&gt;/&lt;bucket&gt;/&lt;key&gt;</c>. A put streams to a temp file in the bucket
/// folder while hashing, syncs it to disk and renames it over the key, so readers see the whole old
/// object or the whole new one. The put returns the ETag it hashed on the way and remembers it for
/// the objects put most recently, which are the ones the next steps list and read; a head or a
/// listing of an object that is no longer remembered keeps its ETag in a sidecar the first time it
/// describes it. Remembered or in a sidecar, an ETag is trusted only while the file has the size
/// and write time it was computed for; otherwise it is recomputed from the content. So a put
/// creates one file, not two, and its content is hashed once.
/// </summary>
/// <remarks>
/// Keys are relative paths, so a key cannot be both an object and the folder of other keys
/// ("a" and "a/b"): such a put fails with an <see cref="IOException"/>. Folders left empty by deletes
/// stay; listing ignores them. When the listener throws, the put throws although the object is in
/// place: a retried put writes the same object and notifies again, which is S3's at-least-once too.
/// </remarks>
public sealed class FolderObjectStore : IObjectStore
{
    /// <summary>How many of the latest puts keep their ETag in memory.</summary>
    internal const int RememberedPuts = 4096;

    /// <summary>
    /// The read buffer of an opened object. Readers pass buffers of their own, which a read of this
    /// size or more bypasses; a larger one would be a large-object-heap array per opened object.
    /// </summary>
    private const int ReadBufferSize = 4096;

    private readonly FolderLayout _layout;
    private readonly IObjectCreatedListener _listener;
    private readonly RecentMetas _recent;

    /// <param name="rootDirectory">The folder that holds one folder per bucket (<c>&lt;data-dir&gt;/buckets</c>).</param>
    /// <param name="listener">Told about every successful put.</param>
    public FolderObjectStore(string rootDirectory, IObjectCreatedListener listener)
        : this(rootDirectory, listener, RememberedPuts)
    {
    }

    internal FolderObjectStore(string rootDirectory, IObjectCreatedListener listener, int rememberedPuts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        ArgumentNullException.ThrowIfNull(listener);
        _layout = new FolderLayout(rootDirectory);
        _listener = listener;
        _recent = new RecentMetas(rememberedPuts);
        Directory.CreateDirectory(_layout.Root);
        _layout.DeleteLeftoverTempFiles();
    }

    public async Task<ObjectInfo> PutAsync(string bucket, string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = Resolve(bucket, key);
        var tempDirectory = _layout.TempDirectory(bucket);
        Directory.CreateDirectory(tempDirectory);
        var temp = Path.Combine(tempDirectory, Guid.NewGuid().ToString("N"));

        ObjectInfo created;
        try
        {
            var meta = await WriteTempAsync(temp, content, cancellationToken);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);

            // A rename keeps the temp file's write time, which the ETag's sidecar is checked against.
            File.Move(temp, path, overwrite: true);
            _recent.Remember(path, meta);
            created = meta.Info(bucket, key);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        await _listener.OnObjectCreatedAsync(created, cancellationToken);
        return created;
    }

    public Task<Stream?> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var path = Resolve(bucket, key);
        cancellationToken.ThrowIfCancellationRequested();
        Stream? stream = null;
        if (File.Exists(path))
        {
            try
            {
                // FileShare.Delete lets a put rename a new version over the key while this one is read.
                stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, ReadBufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                // Deleted since the check: the object does not exist.
            }
        }

        return Task.FromResult(stream);
    }

    public async Task<byte[]?> ReadRangeAsync(string bucket, string key, long offset, int length, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        using var file = TryOpenHandle(Resolve(bucket, key));
        if (file is null)
        {
            return null;
        }

        var available = Math.Max(0, RandomAccess.GetLength(file) - offset);
        var buffer = new byte[(int)Math.Min(length, available)];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await RandomAccess.ReadAsync(file, buffer.AsMemory(filled), offset + filled, cancellationToken);
            if (read == 0)
            {
                return buffer[..filled];
            }

            filled += read;
        }

        return buffer;
    }

    public async Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        using var file = TryOpenHandle(Resolve(bucket, key));
        return file is null ? null : await DescribeAsync(bucket, key, file, cancellationToken);
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string bucket, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ObjectKeyRules.ValidateBucket(bucket);
        ObjectKeyRules.ValidatePrefix(prefix);
        foreach (var key in FolderListing.EnumerateKeys(_layout.BucketDirectory(bucket), prefix))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var file = TryOpenHandle(_layout.ObjectPath(bucket, key));
            if (file is not null)
            {
                yield return await DescribeAsync(bucket, key, file, cancellationToken);
            }
        }
    }

    public Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var path = Resolve(bucket, key);
        cancellationToken.ThrowIfCancellationRequested();
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        _recent.Forget(path);
        var meta = _layout.MetaPath(bucket, key);
        if (File.Exists(meta))
        {
            File.Delete(meta);
        }

        return Task.CompletedTask;
    }

    private string Resolve(string bucket, string key)
    {
        ObjectKeyRules.ValidateBucket(bucket);
        ObjectKeyRules.ValidateKey(key);
        return _layout.ObjectPath(bucket, key);
    }

    private static SafeFileHandle? TryOpenHandle(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private async Task<ObjectInfo> DescribeAsync(string bucket, string key, SafeFileHandle file, CancellationToken cancellationToken)
    {
        var meta = _recent.Find(_layout.ObjectPath(bucket, key));
        if (meta is not null && meta.Describes(file))
        {
            return meta.Info(bucket, key);
        }

        meta = ObjectMeta.TryRead(_layout.MetaPath(bucket, key));
        if (meta is null || !meta.Describes(file))
        {
            meta = ObjectMeta.Of(file, await ETags.ComputeAsync(file, cancellationToken));
            try
            {
                meta.Write(_layout.MetaPath(bucket, key), _layout.TempDirectory(bucket));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The sidecar only saves the next head a re-hash; the answer is already right.
            }
        }

        return meta.Info(bucket, key);
    }

    private static async Task<ObjectMeta> WriteTempAsync(string temp, Stream content, CancellationToken cancellationToken)
    {
        using var hash = ETags.CreateHash();
        var buffer = ArrayPool<byte>.Shared.Rent(ETags.BufferSize);
        try
        {
            // No FileStream buffer: the pooled buffer is already large, and Flush(true) then syncs everything.
            await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, ETags.BufferSize), cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            file.Flush(flushToDisk: true);
            return ObjectMeta.Of(file.SafeFileHandle, ETags.Format(hash));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
