using System.Text;
using Flick.Core.Ports;
using Shouldly;
using Xunit;

namespace Flick.Testing.Contracts;

/// <summary>
/// The behaviour every <see cref="IObjectStore"/> adapter shares, run once per adapter (folder store, S3) so that
/// the embedded run and the AWS run cannot drift. What the adapters may differ in is stated where it matters:
/// the ETag of a large object (<see cref="MultipartPartSize"/>) and the precision of LastModified.
/// </summary>
/// <remarks>
/// Each test gets a new instance of the subclass, whose <see cref="Buckets.Raw"/> and <see cref="Buckets.Series"/>
/// buckets start empty. Keys the adapters must refuse alike are in <c>ObjectStoreContract.Keys.cs</c>.
/// </remarks>
public abstract partial class ObjectStoreContract
{
    protected const string Bucket = Buckets.Raw;
    protected const string OtherBucket = Buckets.Series;
    protected static readonly CancellationToken None = CancellationToken.None;

    /// <summary>
    /// How the adapter cuts large content into parts, when it does: the ETag of an object larger than one part is
    /// then S3's multipart ETag for parts of this size. Null when every object's ETag is the MD5 of its content.
    /// </summary>
    protected virtual long? MultipartPartSize => null;

    /// <summary>A new adapter over this test's buckets; a second call gives a second instance over the same buckets.</summary>
    protected abstract Task<IObjectStore> CreateStoreAsync();

    [Fact]
    public async Task PutAsync_WhenContentIsSmall_ShouldReadBackTheSameBytesWithSizeAndMd5ETag()
    {
        var store = await CreateStoreAsync();
        var content = Encoding.UTF8.GetBytes("""{"data":[],"pagination":{}}""");

        var info = await store.PutAsync(Bucket, "pulls/p1/page-0001.json", new MemoryStream(content), "application/json", None);

        info.Bucket.ShouldBe(Bucket);
        info.Key.ShouldBe("pulls/p1/page-0001.json");
        info.Size.ShouldBe(content.Length);
        info.ETag.ShouldBe(ObjectStoreETags.SinglePart(content));
        (await ReadAllAsync(store, Bucket, "pulls/p1/page-0001.json")).ShouldBe(content);
    }

    [Fact]
    public async Task PutAsync_WhenContentIsEmpty_ShouldStoreAnEmptyObject()
    {
        var store = await CreateStoreAsync();

        var info = await store.PutAsync(Bucket, "empty.json", new MemoryStream(), "application/json", None);

        info.Size.ShouldBe(0);
        info.ETag.ShouldBe("\"d41d8cd98f00b204e9800998ecf8427e\"");
        (await ReadAllAsync(store, Bucket, "empty.json")).ShouldBeEmpty();
        (await store.ReadRangeAsync(Bucket, "empty.json", 0, 10, None)).ShouldBe([]);
    }

    [Fact]
    public async Task PutAsync_WhenContentComesFromANonSeekableStream_ShouldStoreAllOfIt()
    {
        const int size = 300_000;
        var store = await CreateStoreAsync();

        var info = await store.PutAsync(Bucket, "stream.bin", new ObjectStoreGeneratedStream(size), "application/octet-stream", None);

        var expected = ObjectStoreGeneratedStream.Slice(size, 0, size);
        info.Size.ShouldBe(size);
        info.ETag.ShouldBe(ObjectStoreETags.SinglePart(expected));
        (await ReadAllAsync(store, Bucket, "stream.bin")).ShouldBe(expected);
    }

    [Fact]
    public async Task PutAsync_WhenKeyExists_ShouldReplaceTheObject()
    {
        var store = await CreateStoreAsync();
        await store.PutAsync(Bucket, "a/b.txt", new MemoryStream([1, 2, 3, 4]), "text/plain", None);

        var info = await store.PutAsync(Bucket, "a/b.txt", new MemoryStream([9, 8]), "text/plain", None);

        (await ReadAllAsync(store, Bucket, "a/b.txt")).ShouldBe([9, 8]);
        info.ETag.ShouldBe(ObjectStoreETags.SinglePart([9, 8]));
        (await store.HeadAsync(Bucket, "a/b.txt", None)).ShouldNotBeNull().Size.ShouldBe(2);
        (await ListAsync(store, Bucket, "a/")).Select(o => o.Key).ShouldBe(["a/b.txt"]);
    }

    [Fact]
    public async Task PutAsync_WhenTheSourceFailsMidway_ShouldThrowAndKeepTheOldObject()
    {
        var store = await CreateStoreAsync();
        await store.PutAsync(Bucket, "kept.bin", new MemoryStream([1, 2, 3]), "application/octet-stream", None);

        // Past two S3 parts of 8 MiB, so that a multipart upload is under way when the source fails.
        using var failing = new ObjectStoreGeneratedStream(30L * 1024 * 1024, failAt: 20L * 1024 * 1024);
        await Should.ThrowAsync<IOException>(() => store.PutAsync(Bucket, "kept.bin", failing, "application/octet-stream", None));

        (await ReadAllAsync(store, Bucket, "kept.bin")).ShouldBe([1, 2, 3]);
        (await ListAsync(store, Bucket, string.Empty)).Select(o => o.Key).ShouldBe(["kept.bin"]);
    }

    [Fact]
    public async Task HeadAsync_WhenObjectExists_ShouldDescribeWhatThePutStored()
    {
        var store = await CreateStoreAsync();
        var before = DateTimeOffset.UtcNow;
        var put = await store.PutAsync(Bucket, "runs/r1/manifest.json", new MemoryStream([5, 6, 7]), "application/json", None);
        var after = DateTimeOffset.UtcNow;

        var head = (await store.HeadAsync(Bucket, "runs/r1/manifest.json", None)).ShouldNotBeNull();

        head.Bucket.ShouldBe(Bucket);
        head.Key.ShouldBe("runs/r1/manifest.json");
        head.Size.ShouldBe(3);
        head.ETag.ShouldBe(put.ETag);
        // S3 keeps LastModified to the second, file systems to a clock tick: both fall within a second of the put.
        head.LastModified.ShouldBeInRange(before.AddSeconds(-1), after.AddSeconds(1));
        put.LastModified.ShouldBeInRange(before.AddSeconds(-1), after.AddSeconds(1));
    }

    [Fact]
    public async Task ReadsAndDelete_WhenObjectIsMissing_ShouldReturnNullAndNotThrow()
    {
        var store = await CreateStoreAsync();

        (await store.OpenReadAsync(Bucket, "missing/key.json", None)).ShouldBeNull();
        (await store.ReadRangeAsync(Bucket, "missing/key.json", 0, 10, None)).ShouldBeNull();
        (await store.ReadRangeAsync(Bucket, "missing/key.json", 0, 0, None)).ShouldBeNull();
        (await store.HeadAsync(Bucket, "missing/key.json", None)).ShouldBeNull();
        await store.DeleteAsync(Bucket, "missing/key.json", None);
    }

    [Theory]
    [InlineData(2, 3, new byte[] { 12, 13, 14 })]
    [InlineData(0, 10, new byte[] { 10, 11, 12, 13, 14, 15, 16, 17, 18, 19 })]
    [InlineData(8, 5, new byte[] { 18, 19 })]
    [InlineData(9, 1, new byte[] { 19 })]
    [InlineData(10, 4, new byte[0])]
    [InlineData(50, 4, new byte[0])]
    [InlineData(3, 0, new byte[0])]
    public async Task ReadRangeAsync_WhenObjectExists_ShouldReturnTheBytesOfTheRangeThatExist(long offset, int length, byte[] expected)
    {
        var store = await CreateStoreAsync();
        await store.PutAsync(Bucket, "ten.bin", new MemoryStream([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]), "application/octet-stream", None);

        (await store.ReadRangeAsync(Bucket, "ten.bin", offset, length, None)).ShouldBe(expected);
    }

    [Fact]
    public async Task DeleteAsync_WhenObjectExists_ShouldRemoveItFromReadsAndListing()
    {
        var store = await CreateStoreAsync();
        await store.PutAsync(Bucket, "d/one.txt", new MemoryStream([1]), "text/plain", None);
        await store.PutAsync(Bucket, "d/two.txt", new MemoryStream([2]), "text/plain", None);

        await store.DeleteAsync(Bucket, "d/one.txt", None);

        (await store.OpenReadAsync(Bucket, "d/one.txt", None)).ShouldBeNull();
        (await store.HeadAsync(Bucket, "d/one.txt", None)).ShouldBeNull();
        (await ListAsync(store, Bucket, "d/")).Select(o => o.Key).ShouldBe(["d/two.txt"]);
        await store.DeleteAsync(Bucket, "d/one.txt", None);
    }

    [Fact]
    public async Task Buckets_WhenAnObjectIsPutInOne_ShouldNotSeeItInAnother()
    {
        var store = await CreateStoreAsync();

        await store.PutAsync(Bucket, "same/key.json", new MemoryStream([1]), "application/json", None);

        (await store.HeadAsync(OtherBucket, "same/key.json", None)).ShouldBeNull();
        (await ListAsync(store, OtherBucket, string.Empty)).ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateStoreAsync_WhenCalledAgain_ShouldGiveAStoreThatSeesTheSameObjects()
    {
        var first = await CreateStoreAsync();
        await first.PutAsync(Bucket, "shared.txt", new MemoryStream([4, 2]), "text/plain", None);

        var second = await CreateStoreAsync();

        (await ReadAllAsync(second, Bucket, "shared.txt")).ShouldBe([4, 2]);
    }

    protected static async Task<byte[]> ReadAllAsync(IObjectStore store, string bucket, string key)
    {
        await using var stream = (await store.OpenReadAsync(bucket, key, None)).ShouldNotBeNull();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, None);
        return copy.ToArray();
    }

    protected static async Task<List<ObjectInfo>> ListAsync(IObjectStore store, string bucket, string prefix)
    {
        var listed = new List<ObjectInfo>();
        await foreach (var item in store.ListAsync(bucket, prefix, None))
        {
            listed.Add(item);
        }

        return listed;
    }
}
