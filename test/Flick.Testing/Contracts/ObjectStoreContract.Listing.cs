using Shouldly;
using Xunit;

namespace Flick.Testing.Contracts;

/// <remarks>
/// Ordinal order is UTF-16 code-unit order; S3 lists in UTF-8 byte order. The two agree unless keys mix
/// characters above U+FFFF with characters in U+E000..U+FFFF, which Flick's keys never do. The keys here are also
/// chosen so that a collation-based order (the emulator's) agrees with ordinal order: lower-case letters, digits,
/// '.', '/' — an adapter that returned keys in put order, or dropped a page, still fails.
/// </remarks>
public abstract partial class ObjectStoreContract
{
    [Fact]
    public async Task ListAsync_WhenKeysShareAPrefix_ShouldListExactlyThoseInOrdinalOrder()
    {
        var store = await CreateStoreAsync();
        string[] keys = ["k/2", "kk/1", "k/b", "other/k/1", "k/10", "k.txt", "k/ab", "k/1", "k/ac/deep/x.json", "k/a"];
        foreach (var key in keys)
        {
            await store.PutAsync(Bucket, key, new MemoryStream([1]), "text/plain", None);
        }

        (await ListAsync(store, Bucket, "k/")).Select(o => o.Key)
            .ShouldBe(["k/1", "k/10", "k/2", "k/a", "k/ab", "k/ac/deep/x.json", "k/b"]);
        (await ListAsync(store, Bucket, "k")).Select(o => o.Key)
            .ShouldBe(["k.txt", "k/1", "k/10", "k/2", "k/a", "k/ab", "k/ac/deep/x.json", "k/b", "kk/1"]);
        (await ListAsync(store, Bucket, "k/a")).Select(o => o.Key).ShouldBe(["k/a", "k/ab", "k/ac/deep/x.json"]);
        (await ListAsync(store, Bucket, "k/ac/")).Select(o => o.Key).ShouldBe(["k/ac/deep/x.json"]);
        (await ListAsync(store, Bucket, "nothing/")).ShouldBeEmpty();
        (await ListAsync(store, Bucket, string.Empty)).Select(o => o.Key).ShouldBe(keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListAsync_WhenObjectsAreListed_ShouldDescribeThemAsHeadDoes()
    {
        var store = await CreateStoreAsync();
        await store.PutAsync(Bucket, "l/one.bin", new MemoryStream([1]), "application/octet-stream", None);
        await store.PutAsync(Bucket, "l/three.bin", new MemoryStream([1, 2, 3]), "application/octet-stream", None);

        var listed = await ListAsync(store, Bucket, "l/");

        listed.Count.ShouldBe(2);
        foreach (var item in listed)
        {
            var head = (await store.HeadAsync(Bucket, item.Key, None)).ShouldNotBeNull();
            (item.Bucket, item.Key, item.Size, item.ETag).ShouldBe((Bucket, head.Key, head.Size, head.ETag));
            // Listings give LastModified in milliseconds, heads in seconds (S3): the same second either way.
            item.LastModified.ShouldBeInRange(head.LastModified.AddSeconds(-1), head.LastModified.AddSeconds(1));
        }

        listed.Select(o => (o.Key, o.Size)).ShouldBe([("l/one.bin", 1L), ("l/three.bin", 3L)]);
    }

    [Fact]
    public async Task ListAsync_WhenMoreThanOnePageOfKeysMatch_ShouldListEachOnceInOrdinalOrder()
    {
        // S3 lists at most 1,000 keys per request: 1,005 take a second page and its continuation token.
        const int count = 1_005;
        var store = await CreateStoreAsync();
        var keys = Enumerable.Range(0, count).Select(i => $"many/{i:D5}.json").ToList();
        var shuffled = keys.OrderBy(k => k.GetHashCode(StringComparison.Ordinal)).ToList();
        await Parallel.ForEachAsync(shuffled, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (key, ct) =>
            await store.PutAsync(Bucket, key, new MemoryStream([7, 7]), "application/json", ct));
        await store.PutAsync(Bucket, "many.json", new MemoryStream([1]), "application/json", None);
        await store.PutAsync(Bucket, "manz/00000.json", new MemoryStream([1]), "application/json", None);

        var listed = await ListAsync(store, Bucket, "many/");

        listed.Select(o => o.Key).ShouldBe(keys);
        listed.ShouldAllBe(o => o.Size == 2 && o.Bucket == Bucket);
    }
}
