using System.Security.Cryptography;
using Shouldly;
using Xunit;

namespace Flick.Testing.Contracts;

public abstract partial class ObjectStoreContract
{
    [Fact]
    public async Task PutAsync_When50MiBComeFromANonSeekableStream_ShouldStoreEveryByte()
    {
        const long size = 50L * 1024 * 1024;
        var store = await CreateStoreAsync();

        var info = await store.PutAsync(Bucket, "big/body.bin", new ObjectStoreGeneratedStream(size), "application/octet-stream", None);

        // A single-part store hashes the whole content; a multipart one gives S3's ETag of its parts.
        using var expected = new ObjectStoreGeneratedStream(size);
        var expectedETag = MultipartPartSize is { } partSize ? ObjectStoreETags.Multipart(expected, partSize) : ObjectStoreETags.SinglePart(expected);
        info.Size.ShouldBe(size);
        info.ETag.ShouldBe(expectedETag);
        var head = (await store.HeadAsync(Bucket, "big/body.bin", None)).ShouldNotBeNull();
        (head.Size, head.ETag).ShouldBe((size, expectedETag));

        // Across every 8 MiB boundary (the S3 adapter's part size) and at the end.
        for (var boundary = 8L * 1024 * 1024; boundary < size; boundary += 8L * 1024 * 1024)
        {
            (await store.ReadRangeAsync(Bucket, "big/body.bin", boundary - 3, 6, None)).ShouldBe(ObjectStoreGeneratedStream.Slice(size, boundary - 3, 6));
        }

        (await store.ReadRangeAsync(Bucket, "big/body.bin", size - 3, 10, None)).ShouldBe(ObjectStoreGeneratedStream.Slice(size, size - 3, 10));

        await using var read = (await store.OpenReadAsync(Bucket, "big/body.bin", None)).ShouldNotBeNull();
        using var readBack = new ObjectStoreGeneratedStream(size);
#pragma warning disable CA5351 // Compares content, as S3's ETag does.
        Convert.ToHexString(await MD5.HashDataAsync(read, None)).ShouldBe(Convert.ToHexString(await MD5.HashDataAsync(readBack, None)));
#pragma warning restore CA5351
    }
}
