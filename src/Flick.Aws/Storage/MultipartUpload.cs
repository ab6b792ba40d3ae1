using Amazon.S3;
using Amazon.S3.Model;

namespace Flick.Aws.Storage;

/// <summary>
/// One S3 multipart upload: parts go up one at a time while the next part is read from the source, so two
/// part buffers are all the memory a put of any size needs. Every part carries a CRC32 that the completion
/// repeats, as S3 requires once the upload is created with a checksum algorithm.
/// </summary>
internal sealed class MultipartUpload(IAmazonS3 s3, string bucket, string key)
{
    private readonly List<PartETag> _parts = [];
    private string? _uploadId;

    public async Task StartAsync(string contentType, CancellationToken cancellationToken)
    {
        var response = await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = bucket,
            Key = key,
            ContentType = contentType,
            ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
        }, cancellationToken);
        _uploadId = response.UploadId;
    }

    /// <summary>
    /// Uploads the two parts already read, then the rest of <paramref name="content"/>: each part goes up while
    /// the buffer freed by the one before is refilled. Returns the total size.
    /// </summary>
    public async Task<long> UploadAllAsync(Stream content, (byte[] Buffer, int Length) first, (byte[] Buffer, int Length) second, CancellationToken cancellationToken)
    {
        _parts.Add(await UploadPartAsync(1, first.Buffer, first.Length, cancellationToken));
        long size = first.Length;
        var current = second;
        var free = first.Buffer;
        while (current.Length > 0)
        {
            var uploading = UploadPartAsync(_parts.Count + 1, current.Buffer, current.Length, cancellationToken);
            var nextLength = 0;
            if (current.Length == S3ObjectStore.PartSize)
            {
                try
                {
                    nextLength = await S3ObjectStore.FillAsync(content, free, cancellationToken);
                }
                catch
                {
                    // The SDK may still be reading the part's buffer: let it finish before the buffers go back to the pool.
                    await Quietly(uploading);
                    throw;
                }
            }

            _parts.Add(await uploading);
            size += current.Length;
            (current, free) = ((free, nextLength), current.Buffer);
        }

        return size;
    }

    public async Task<string> CompleteAsync(CancellationToken cancellationToken)
    {
        var response = await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = bucket,
            Key = key,
            UploadId = _uploadId,
            PartETags = _parts,
        }, cancellationToken);
        return response.ETag;
    }

    /// <summary>Drops the parts uploaded so far; S3 would otherwise keep (and bill) them.</summary>
    public async Task AbortAsync()
    {
        if (_uploadId is null)
        {
            return;
        }

        try
        {
            // Not the caller's token: a cancelled put must still clean up.
            await s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = _uploadId }, CancellationToken.None);
        }
        catch (AmazonS3Exception)
        {
            // The original failure is the one to report; a bucket lifecycle rule removes what an abort leaves.
        }
    }

    private async Task<PartETag> UploadPartAsync(int partNumber, byte[] buffer, int length, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(buffer, 0, length, writable: false);
        var response = await s3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket,
            Key = key,
            UploadId = _uploadId,
            PartNumber = partNumber,
            InputStream = body,
            ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
        }, cancellationToken);
        return new PartETag { PartNumber = partNumber, ETag = response.ETag, ChecksumCRC32 = response.ChecksumCRC32 };
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch
        {
            // Already failing for another reason.
        }
    }
}
