using System.Buffers;
using Amazon.S3;
using Amazon.S3.Model;
using Flick.Core.Ports;

namespace Flick.Aws.Storage;

public sealed partial class S3ObjectStore
{
    public async Task<ObjectInfo> PutAsync(string bucket, string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(contentType);
        var realBucket = Resolve(bucket, key);
        var first = ArrayPool<byte>.Shared.Rent(PartSize);
        byte[]? second = null;
        try
        {
            var firstLength = await FillAsync(content, first, cancellationToken);
            if (firstLength < PartSize)
            {
                return await PutSingleAsync(bucket, realBucket, key, first, firstLength, contentType, cancellationToken);
            }

            // Exactly one part's worth so far: only the next read tells a single object from a multipart one.
            second = ArrayPool<byte>.Shared.Rent(PartSize);
            var secondLength = await FillAsync(content, second, cancellationToken);
            if (secondLength == 0)
            {
                return await PutSingleAsync(bucket, realBucket, key, first, firstLength, contentType, cancellationToken);
            }

            var upload = new MultipartUpload(_s3, realBucket, key);
            try
            {
                await upload.StartAsync(contentType, cancellationToken);
                var size = await upload.UploadAllAsync(content, (first, firstLength), (second, secondLength), cancellationToken);
                var etag = await upload.CompleteAsync(cancellationToken);
                return new ObjectInfo(bucket, key, size, etag, _clock.GetUtcNow());
            }
            catch
            {
                await upload.AbortAsync();
                throw;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(first);
            if (second is not null)
            {
                ArrayPool<byte>.Shared.Return(second);
            }
        }
    }

    private async Task<ObjectInfo> PutSingleAsync(string bucket, string realBucket, string key, byte[] buffer, int length, string contentType, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(buffer, 0, length, writable: false);
        var response = await _s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = realBucket,
            Key = key,
            InputStream = body,
            ContentType = contentType,
            AutoCloseStream = false,
        }, cancellationToken);
        return new ObjectInfo(bucket, key, length, response.ETag, _clock.GetUtcNow());
    }

    /// <summary>Reads until <paramref name="buffer"/> holds one part or the content ends; returns how much it holds.</summary>
    internal static async Task<int> FillAsync(Stream content, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < PartSize)
        {
            var read = await content.ReadAsync(buffer.AsMemory(filled, PartSize - filled), cancellationToken);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }
}
