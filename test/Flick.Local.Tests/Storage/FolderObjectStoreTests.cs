using System.Text;
using Flick.Core.Ports;
using Flick.Local.Storage;

namespace Flick.Local.Tests.Storage;

public sealed class FolderObjectStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly RecordingListener _listener = new();
    private readonly FolderObjectStore _store;

    public FolderObjectStoreTests() => _store = new FolderObjectStore(Path.Combine(_temp.Path, "buckets"), _listener);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task PutAsync_WhenContentIsWritten_ShouldReadBackTheSameBytes()
    {
        var content = Encoding.UTF8.GetBytes("{\"data\":[]}");

        await PutAsync("raw", "pulls/2024/one.json", content);

        (await ReadAllAsync("raw", "pulls/2024/one.json")).ShouldBe(content);
        File.Exists(Path.Combine(_temp.Path, "buckets", "raw", "pulls", "2024", "one.json")).ShouldBeTrue();
    }

    [Fact]
    public async Task PutAsync_WhenCalled_ShouldNotifyOncePerPutWithSizeAndMd5ETag()
    {
        byte[] first = [1, 2, 3];
        var second = Encoding.UTF8.GetBytes("hello world");

        var firstInfo = await PutAsync("raw", "a/first.bin", first);
        var secondInfo = await PutAsync("series", "b/second.txt", second);

        _listener.Created.ToArray().ShouldBe([firstInfo, secondInfo]);
        firstInfo.ShouldBe(new ObjectInfo("raw", "a/first.bin", 3, Md5ETag.Of(first), firstInfo.LastModified));
        secondInfo.ShouldBe(new ObjectInfo("series", "b/second.txt", 11, Md5ETag.Of(second), secondInfo.LastModified));

        // The well-known MD5 of "hello world", as a last check on the quoting and hex case.
        secondInfo.ETag.ShouldBe("\"5eb63bbbe01eeed093cb22bb8f5acdc3\"");
    }

    [Fact]
    public async Task PutAsync_WhenKeyExists_ShouldReplaceTheContent()
    {
        await PutAsync("raw", "k", [1, 2, 3, 4, 5]);

        var replaced = await PutAsync("raw", "k", [9]);

        (await ReadAllAsync("raw", "k")).ShouldBe(new byte[] { 9 });
        (await _store.HeadAsync("raw", "k", CancellationToken.None)).ShouldBe(replaced);
        replaced.Size.ShouldBe(1);
        _listener.Created.Count.ShouldBe(2);
    }

    [Fact]
    public async Task HeadAsync_WhenObjectExists_ShouldReturnWhatThePutReturned()
    {
        var put = await PutAsync("raw", "x/y.json", Encoding.UTF8.GetBytes("[1,2]"));

        var head = await _store.HeadAsync("raw", "x/y.json", CancellationToken.None);

        head.ShouldBe(put);
    }

    [Fact]
    public async Task HeadAsync_WhenFileWasChangedBehindTheStore_ShouldReturnTheETagOfTheNewContent()
    {
        await PutAsync("raw", "edited", [1, 2, 3]);
        byte[] edited = [7, 7, 7, 7];
        await File.WriteAllBytesAsync(Path.Combine(_temp.Path, "buckets", "raw", "edited"), edited);

        var head = await _store.HeadAsync("raw", "edited", CancellationToken.None);

        head.ShouldNotBeNull();
        head.Size.ShouldBe(4);
        head.ETag.ShouldBe(Md5ETag.Of(edited));
    }

    [Fact]
    public async Task HeadAndList_WhenMoreObjectsWerePutThanTheStoreRemembers_ShouldDescribeEveryObjectByItsContent()
    {
        // Two remembered puts: the first object's ETag then comes from its content (and its sidecar).
        var store = new FolderObjectStore(Path.Combine(_temp.Path, "small"), _listener, rememberedPuts: 2);
        byte[][] contents = [[1], [2, 2], [3, 3, 3], [4, 4, 4, 4]];
        for (var i = 0; i < contents.Length; i++)
        {
            using var stream = new MemoryStream(contents[i]);
            await store.PutAsync("raw", $"k/{i}", stream, "application/octet-stream", CancellationToken.None);
        }

        var heads = new List<ObjectInfo?>();
        foreach (var i in Enumerable.Range(0, contents.Length))
        {
            heads.Add(await store.HeadAsync("raw", $"k/{i}", CancellationToken.None));
        }

        var listed = await ToListAsync(store.ListAsync("raw", "k/", CancellationToken.None));

        heads.Select(h => (h!.Size, h.ETag)).ShouldBe(contents.Select(c => ((long)c.Length, Md5ETag.Of(c))));
        listed.Select(o => (o.Size, o.ETag)).ShouldBe(contents.Select(c => ((long)c.Length, Md5ETag.Of(c))));
    }

    [Fact]
    public async Task HeadAsync_WhenARememberedObjectWasDeletedAndPutAgainBehindTheStore_ShouldDescribeTheNewContent()
    {
        await PutAsync("raw", "again", [1, 2, 3]);
        await _store.DeleteAsync("raw", "again", CancellationToken.None);
        byte[] other = [4, 5, 6];
        var path = Path.Combine(_temp.Path, "buckets", "raw", "again");
        await File.WriteAllBytesAsync(path, other);

        var head = await _store.HeadAsync("raw", "again", CancellationToken.None);

        head.ShouldNotBeNull();
        head.ETag.ShouldBe(Md5ETag.Of(other));
    }

    [Fact]
    public async Task ReadsAndDelete_WhenObjectIsMissing_ShouldReturnNullAndNotThrow()
    {
        (await _store.OpenReadAsync("raw", "missing", CancellationToken.None)).ShouldBeNull();
        (await _store.HeadAsync("raw", "missing/deeper", CancellationToken.None)).ShouldBeNull();
        (await _store.ReadRangeAsync("nobucket", "missing", 0, 10, CancellationToken.None)).ShouldBeNull();
        await _store.DeleteAsync("raw", "missing", CancellationToken.None);
        await ToListAsync(_store.ListAsync("nobucket", string.Empty, CancellationToken.None));
    }

    [Theory]
    [InlineData(2, 3, new byte[] { 12, 13, 14 })]
    [InlineData(8, 5, new byte[] { 18, 19 })]
    [InlineData(10, 4, new byte[0])]
    [InlineData(50, 4, new byte[0])]
    [InlineData(0, 0, new byte[0])]
    public async Task ReadRangeAsync_WhenObjectExists_ShouldReturnTheBytesOfTheRangeThatExist(long offset, int length, byte[] expected)
    {
        await PutAsync("raw", "ten", [10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);

        var range = await _store.ReadRangeAsync("raw", "ten", offset, length, CancellationToken.None);

        range.ShouldBe(expected);
    }

    [Fact]
    public async Task ListAsync_WhenKeysShareAPrefix_ShouldListTheMatchingKeysInOrdinalOrder()
    {
        // '-' (0x2D) and '.' (0x2E) sort before '/' (0x2F), '0' after it: a folder's keys sit between them.
        string[] keys = ["s/a-c", "s/a/b", "s/a0", "s/a.x", "s/a/a/z", "s/b", "s/A", "t/a", "s/ab"];
        foreach (var key in keys)
        {
            await PutAsync("series", key, Encoding.UTF8.GetBytes(key));
        }

        var all = await ToListAsync(_store.ListAsync("series", string.Empty, CancellationToken.None));
        var underS = await ToListAsync(_store.ListAsync("series", "s/", CancellationToken.None));
        var startingWithA = await ToListAsync(_store.ListAsync("series", "s/a", CancellationToken.None));
        var underFolderA = await ToListAsync(_store.ListAsync("series", "s/a/", CancellationToken.None));

        all.Select(o => o.Key).ShouldBe(["s/A", "s/a-c", "s/a.x", "s/a/a/z", "s/a/b", "s/a0", "s/ab", "s/b", "t/a"]);
        underS.Select(o => o.Key).ShouldBe(["s/A", "s/a-c", "s/a.x", "s/a/a/z", "s/a/b", "s/a0", "s/ab", "s/b"]);
        startingWithA.Select(o => o.Key).ShouldBe(["s/a-c", "s/a.x", "s/a/a/z", "s/a/b", "s/a0", "s/ab"]);
        underFolderA.Select(o => o.Key).ShouldBe(["s/a/a/z", "s/a/b"]);
        all.ShouldAllBe(o => o.Bucket == "series" && o.Size == Encoding.UTF8.GetByteCount(o.Key) && o.ETag == Md5ETag.Of(Encoding.UTF8.GetBytes(o.Key)));
    }

    [Fact]
    public async Task ListAsync_WhenTheStoreHasItsOwnFiles_ShouldListOnlyObjects()
    {
        await PutAsync("raw", "only", [1]);
        Directory.CreateDirectory(Path.Combine(_temp.Path, "buckets", "raw", ".flick", "tmp"));
        await File.WriteAllBytesAsync(Path.Combine(_temp.Path, "buckets", "raw", ".flick", "tmp", "in-flight"), [2]);

        var listed = await ToListAsync(_store.ListAsync("raw", string.Empty, CancellationToken.None));

        listed.Select(o => o.Key).ShouldBe(["only"]);
    }

    [Fact]
    public async Task DeleteAsync_WhenObjectExists_ShouldRemoveItFromReadsAndListing()
    {
        await PutAsync("raw", "d/1", [1]);
        await PutAsync("raw", "d/2", [2]);

        await _store.DeleteAsync("raw", "d/1", CancellationToken.None);

        (await _store.HeadAsync("raw", "d/1", CancellationToken.None)).ShouldBeNull();
        (await _store.OpenReadAsync("raw", "d/1", CancellationToken.None)).ShouldBeNull();
        (await ToListAsync(_store.ListAsync("raw", "d/", CancellationToken.None))).Select(o => o.Key).ShouldBe(["d/2"]);
    }

    private async Task<ObjectInfo> PutAsync(string bucket, string key, byte[] content)
    {
        using var stream = new MemoryStream(content);
        return await _store.PutAsync(bucket, key, stream, "application/octet-stream", CancellationToken.None);
    }

    private async Task<byte[]> ReadAllAsync(string bucket, string key)
    {
        await using var stream = await _store.OpenReadAsync(bucket, key, CancellationToken.None);
        stream.ShouldNotBeNull();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static async Task<List<ObjectInfo>> ToListAsync(IAsyncEnumerable<ObjectInfo> objects)
    {
        var list = new List<ObjectInfo>();
        await foreach (var info in objects)
        {
            list.Add(info);
        }

        return list;
    }
}
