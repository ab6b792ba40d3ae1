using Amazon.S3;
using Amazon.S3.Model;
using Flick.Pipeline.Layout;

namespace Flick.Aws.Tests.Storage;

/// <summary>Fresh buckets for one test, with names of their own, emptied and deleted afterwards.</summary>
internal sealed class S3TestBuckets(IAmazonS3 s3)
{
    private readonly string _stem = "flick-" + Guid.NewGuid().ToString("N")[..12];

    public BucketNames Names => new() { Raw = _stem + "-raw", Series = _stem + "-series", Clean = _stem + "-clean" };

    private IEnumerable<string> All => [Names.Raw, Names.Series, Names.Clean];

    public async Task CreateAsync()
    {
        foreach (var bucket in All)
        {
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        }
    }

    public async Task DeleteAsync()
    {
        foreach (var bucket in All)
        {
            var request = new ListObjectsV2Request { BucketName = bucket };
            ListObjectsV2Response page;
            do
            {
                page = await s3.ListObjectsV2Async(request);
                var keys = (page.S3Objects ?? []).Select(o => new KeyVersion { Key = o.Key }).ToList();
                if (keys.Count > 0)
                {
                    await s3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = bucket, Objects = keys });
                }

                request.ContinuationToken = page.NextContinuationToken;
            }
            while (page.IsTruncated == true);

            await s3.DeleteBucketAsync(bucket);
        }
    }
}
