using Amazon.S3;
using Amazon.S3.Model;
using Flick.Aws.Storage;
using Flick.Core.Ports;
using Flick.Testing.Contracts;

namespace Flick.Aws.Tests.Storage;

/// <summary>What only the S3 adapter has: parts, aborts, real bucket names, and what S3 holds that the port refuses.</summary>
[Trait("Category", "Integration")]
public sealed class S3ObjectStoreTests : IAsyncLifetime
{
    private const long MiB = 1024 * 1024;
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly AmazonS3Client _s3 = S3Emulator.CreateClient();
    private readonly S3TestBuckets _buckets;
    private readonly S3RequestLog _log;

    public S3ObjectStoreTests()
    {
        _buckets = new S3TestBuckets(_s3);
        _log = new S3RequestLog(_s3);
    }

    public Task InitializeAsync() => _buckets.CreateAsync();

    public async Task DisposeAsync()
    {
        await _buckets.DeleteAsync();
        _s3.Dispose();
    }

    [Fact]
    public async Task PutAsync_WhenContentIsLarge_ShouldUploadPartsWhileTheSourceIsStillBeingRead()
    {
        var store = CreateStore();
        var uploadedAtMark = -1;
        using var source = new ObjectStoreGeneratedStream(40 * MiB, mark: 32 * MiB, atMark: () => uploadedAtMark = _log.Count<UploadPartRequest>());

        var info = await store.PutAsync(Buckets.Raw, "big.bin", source, "application/octet-stream", None);

        // When 32 MiB had been read, at least two 8 MiB parts were already in S3: the put holds no more than two parts.
        uploadedAtMark.ShouldBeGreaterThanOrEqualTo(2);
        _log.Count<UploadPartRequest>().ShouldBe(5);
        info.ETag.ShouldEndWith("-5\"");
        _log.Count<CompleteMultipartUploadRequest>().ShouldBe(1);
    }

    [Fact]
    public async Task PutAsync_WhenContentIsExactlyOnePart_ShouldPutOneObjectWithAnMd5ETag()
    {
        var store = CreateStore();
        const long size = 8 * MiB;

        var info = await store.PutAsync(Buckets.Raw, "one-part.bin", new ObjectStoreGeneratedStream(size), "application/octet-stream", None);

        info.ETag.ShouldBe(ObjectStoreETags.SinglePart(new ObjectStoreGeneratedStream(size)));
        _log.Count<InitiateMultipartUploadRequest>().ShouldBe(0);
        _log.Count<PutObjectRequest>().ShouldBe(1);
    }

    [Fact]
    public async Task PutAsync_WhenContentIsOneByteMoreThanAPart_ShouldUploadTwoParts()
    {
        var store = CreateStore();
        const long size = (8 * MiB) + 1;

        var info = await store.PutAsync(Buckets.Raw, "two-parts.bin", new ObjectStoreGeneratedStream(size), "application/octet-stream", None);

        info.ETag.ShouldBe(ObjectStoreETags.Multipart(new ObjectStoreGeneratedStream(size), 8 * MiB));
        (await store.ReadRangeAsync(Buckets.Raw, "two-parts.bin", size - 2, 2, None)).ShouldBe(ObjectStoreGeneratedStream.Slice(size, size - 2, 2));
    }

    [Fact]
    public async Task PutAsync_WhenTheSourceFailsDuringAMultipartUpload_ShouldAbortTheUpload()
    {
        var store = CreateStore();
        using var source = new ObjectStoreGeneratedStream(40 * MiB, failAt: 20 * MiB);

        await Should.ThrowAsync<IOException>(() => store.PutAsync(Buckets.Raw, "failed.bin", source, "application/octet-stream", None));

        _log.Count<InitiateMultipartUploadRequest>().ShouldBe(1);
        _log.Count<AbortMultipartUploadRequest>().ShouldBe(1);
        _log.Count<CompleteMultipartUploadRequest>().ShouldBe(0);
        (await store.HeadAsync(Buckets.Raw, "failed.bin", None)).ShouldBeNull();
    }

    [Fact]
    public async Task PutAsync_WhenTheLogicalBucketIsNamed_ShouldWriteToTheConfiguredRealBucket()
    {
        var store = CreateStore();

        await store.PutAsync(Buckets.Series, "manifests/m.json", new MemoryStream([1, 2]), "application/json", None);

        var real = await _s3.GetObjectMetadataAsync(_buckets.Names.Series, "manifests/m.json");
        real.ContentLength.ShouldBe(2);
        real.Headers.ContentType.ShouldBe("application/json");
        // The handlers in AWS are configured with the real names; those reach the same bucket.
        (await store.HeadAsync(_buckets.Names.Series, "manifests/m.json", None)).ShouldNotBeNull().Bucket.ShouldBe(_buckets.Names.Series);
    }

    [Fact]
    public async Task Reads_WhenTheConfiguredBucketDoesNotExist_ShouldThrowRatherThanReportAMissingObject()
    {
        var options = new AwsOptions { Region = "us-east-1", Buckets = _buckets.Names with { Clean = "flick-no-such-bucket" } };
        var store = new S3ObjectStore(_s3, options, TimeProvider.System);

        var error = await Should.ThrowAsync<AmazonS3Exception>(() => store.OpenReadAsync(Buckets.Clean, "k.json", None));

        error.ErrorCode.ShouldBe("NoSuchBucket");
    }

    [Fact]
    public async Task ListAsync_WhenTheBucketHoldsKeysThePortRefuses_ShouldSkipThem()
    {
        var store = CreateStore();
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = _buckets.Names.Raw, Key = "x/back\\slash.txt", ContentBody = "1" });
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = _buckets.Names.Raw, Key = "x/.flick-is-fine-here.txt", ContentBody = "1" });
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = _buckets.Names.Raw, Key = "x/ok.txt", ContentBody = "1" });

        var keys = new List<string>();
        await foreach (var item in store.ListAsync(Buckets.Raw, "x/", None))
        {
            keys.Add(item.Key);
        }

        keys.ShouldBe(["x/.flick-is-fine-here.txt", "x/ok.txt"]);
    }

    private S3ObjectStore CreateStore() =>
        new(_s3, new AwsOptions { Region = "us-east-1", ServiceUrl = S3Emulator.Endpoint, Buckets = _buckets.Names }, TimeProvider.System);
}
