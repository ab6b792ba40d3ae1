using System.Net;
using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;
using Flick.Core.Ports;

namespace Flick.Aws.Storage;

/// <summary>
/// <see cref="IObjectStore"/> on S3. Logical buckets map to the configured real buckets; keys follow the folder
/// store's rules (<see cref="ObjectKeyRules"/>). Puts stream: one PutObject for content that fits in one part,
/// a multipart upload otherwise, never the whole content in memory. Reads stream the GetObject body.
/// </summary>
/// <remarks>
/// In AWS the bucket emits the "Object Created" events itself (EventBridge notifications), so this adapter
/// publishes nothing. <see cref="ObjectInfo.Bucket"/> is the bucket as the caller named it. S3 gives
/// <see cref="ObjectInfo.LastModified"/> to the second; a put reports this machine's clock when it completed.
/// A multipart object's ETag is S3's <c>"md5-of-part-md5s-N"</c>, not the MD5 of the content.
/// </remarks>
public sealed partial class S3ObjectStore : IObjectStore
{
    /// <summary>The size of every part but the last. S3 needs at least 5 MiB; two parts are in memory at once.</summary>
    public const int PartSize = 8 * 1024 * 1024;

    private readonly IAmazonS3 _s3;
    private readonly S3BucketMap _buckets;
    private readonly TimeProvider _clock;

    public S3ObjectStore(IAmazonS3 s3, AwsOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _s3 = s3;
        _buckets = new S3BucketMap(options.Buckets);
        _clock = clock;
    }

    public async Task<Stream?> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var request = new GetObjectRequest { BucketName = Resolve(bucket, key), Key = key };
        try
        {
            var response = await _s3.GetObjectAsync(request, cancellationToken);
            return new S3ObjectStream(response);
        }
        catch (AmazonS3Exception e) when (IsMissingObject(e))
        {
            return null;
        }
    }

    public async Task<byte[]?> ReadRangeAsync(string bucket, string key, long offset, int length, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var realBucket = Resolve(bucket, key);
        if (length == 0)
        {
            // S3 has no empty range; the answer only depends on whether the object exists.
            return await HeadAsync(bucket, key, cancellationToken) is null ? null : [];
        }

        var request = new GetObjectRequest { BucketName = realBucket, Key = key, ByteRange = new ByteRange(offset, offset + length - 1) };
        try
        {
            using var response = await _s3.GetObjectAsync(request, cancellationToken);
            var buffer = new byte[Math.Min(length, response.ContentLength)];
            await response.ResponseStream.ReadExactlyAsync(buffer, cancellationToken);
            return buffer;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            // The object exists, and the range starts at or after its end.
            return [];
        }
        catch (AmazonS3Exception e) when (IsMissingObject(e))
        {
            return null;
        }
    }

    public async Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var request = new GetObjectMetadataRequest { BucketName = Resolve(bucket, key), Key = key };
        try
        {
            var response = await _s3.GetObjectMetadataAsync(request, cancellationToken);
            return new ObjectInfo(bucket, key, response.ContentLength, response.ETag, ToUtc(response.LastModified));
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // A HEAD error has no body, so a missing bucket cannot be told apart here.
            return null;
        }
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string bucket, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        ObjectKeyRules.ValidatePrefix(prefix);
        var request = new ListObjectsV2Request { BucketName = _buckets.Resolve(bucket), Prefix = prefix };
        do
        {
            var response = await _s3.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in response.S3Objects ?? [])
            {
                // The folder store cannot hold such keys, and the port could not open them: both adapters skip them.
                if (ObjectKeyRules.IsValidKey(item.Key))
                {
                    yield return new ObjectInfo(bucket, item.Key, item.Size ?? 0, item.ETag, ToUtc(item.LastModified));
                }
            }

            request.ContinuationToken = response.IsTruncated == true ? response.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);
    }

    public async Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var request = new DeleteObjectRequest { BucketName = Resolve(bucket, key), Key = key };
        try
        {
            await _s3.DeleteObjectAsync(request, cancellationToken);
        }
        catch (AmazonS3Exception e) when (IsMissingObject(e))
        {
            // Already gone: a delete is idempotent, as in S3 itself.
        }
    }

    private string Resolve(string bucket, string key)
    {
        var real = _buckets.Resolve(bucket);
        ObjectKeyRules.ValidateKey(key);
        return real;
    }

    /// <summary>A missing key is an answer (null); a missing bucket is a configuration error and goes up.</summary>
    private static bool IsMissingObject(AmazonS3Exception e) =>
        e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket";

    private static DateTimeOffset ToUtc(DateTime? value) => value switch
    {
        null => DateTimeOffset.UnixEpoch,
        { Kind: DateTimeKind.Unspecified } v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)),
        { } v => new DateTimeOffset(v.ToUniversalTime()),
    };
}
