using Amazon.S3;
using Flick.Aws.Storage;
using Flick.Core.Ports;
using Flick.Testing.Contracts;

namespace Flick.Aws.Tests.Storage;

/// <summary>The object store contract on S3 (the fauxqs emulator), with buckets of its own per test.</summary>
[Trait("Category", "Integration")]
public sealed class S3ObjectStoreContractTests : ObjectStoreContract, IAsyncLifetime
{
    private readonly AmazonS3Client _s3 = S3Emulator.CreateClient();
    private readonly S3TestBuckets _buckets;

    public S3ObjectStoreContractTests() => _buckets = new S3TestBuckets(_s3);

    /// <summary>The adapter's part size, stated here independently: 8 MiB.</summary>
    protected override long? MultipartPartSize => 8L * 1024 * 1024;

    public Task InitializeAsync() => _buckets.CreateAsync();

    public async Task DisposeAsync()
    {
        await _buckets.DeleteAsync();
        _s3.Dispose();
    }

    protected override Task<IObjectStore> CreateStoreAsync()
    {
        var options = new AwsOptions { Region = "us-east-1", ServiceUrl = S3Emulator.Endpoint, Buckets = _buckets.Names };
        return Task.FromResult<IObjectStore>(new S3ObjectStore(_s3, options, TimeProvider.System));
    }
}
