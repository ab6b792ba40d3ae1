using Flick.Testing.Contracts;
using Flick.Local.Storage;

namespace Flick.Local.Tests.Storage;

/// <summary>Keys that could escape the bucket, large streamed puts, failures and crash leftovers.</summary>
public sealed class FolderObjectStoreSafetyTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly RecordingListener _listener = new();

    public void Dispose() => _temp.Dispose();

    private string Root => Path.Combine(_temp.Path, "data", "buckets");

    public static TheoryData<string> InvalidKeys => new()
    {
        "../x",
        "/abs",
        "a/../../b",
        "a/..",
        "..",
        ".",
        "./a",
        "a\\b",
        "..\\..\\x",
        "a\0b",
        "a\nb",
        "\u001f",
        new string('k', 2000),
        string.Concat(Enumerable.Repeat("é", 513)),
        string.Empty,
        "a//b",
        "a/",
        ".flick/tmp/x",
    };

    [Theory]
    [MemberData(nameof(InvalidKeys))]
    public async Task PutAsync_WhenKeyIsInvalid_ShouldThrowAndWriteNothing(string key)
    {
        var store = new FolderObjectStore(Root, _listener);
        using var content = new MemoryStream([1, 2, 3]);

        var error = await Should.ThrowAsync<ArgumentException>(() => store.PutAsync("raw", key, content, "text/plain", CancellationToken.None));

        error.Message.ShouldContain("key");
        Directory.EnumerateFiles(_temp.Path, "*", SearchOption.AllDirectories).ShouldBeEmpty();
        Directory.EnumerateFileSystemEntries(_temp.Path, "*", SearchOption.AllDirectories)
            .ShouldAllBe(path => path == Path.Combine(_temp.Path, "data") || path == Root);
        _listener.Created.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(InvalidKeys))]
    public async Task ReadsAndDelete_WhenKeyIsInvalid_ShouldThrow(string key)
    {
        var store = new FolderObjectStore(Root, _listener);
        await File.WriteAllBytesAsync(Path.Combine(_temp.Path, "x"), [42]);

        await Should.ThrowAsync<ArgumentException>(() => store.OpenReadAsync("raw", key, CancellationToken.None));
        await Should.ThrowAsync<ArgumentException>(() => store.HeadAsync("raw", key, CancellationToken.None));
        await Should.ThrowAsync<ArgumentException>(() => store.ReadRangeAsync("raw", key, 0, 1, CancellationToken.None));
        await Should.ThrowAsync<ArgumentException>(() => store.DeleteAsync("raw", key, CancellationToken.None));
        File.Exists(Path.Combine(_temp.Path, "x")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../raw")]
    [InlineData("Raw")]
    [InlineData("")]
    [InlineData("raw/sub")]
    public async Task PutAsync_WhenBucketIsInvalid_ShouldThrow(string bucket)
    {
        var store = new FolderObjectStore(Root, _listener);
        using var content = new MemoryStream([1]);

        var error = await Should.ThrowAsync<ArgumentException>(() => store.PutAsync(bucket, "k", content, "text/plain", CancellationToken.None));

        error.Message.ShouldContain("bucket");
        Directory.EnumerateFiles(_temp.Path, "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("../")]
    [InlineData("a/../")]
    [InlineData("/a")]
    [InlineData("a\\")]
    public async Task ListAsync_WhenPrefixCouldEscapeTheBucket_ShouldThrow(string prefix)
    {
        var store = new FolderObjectStore(Root, _listener);

        await Should.ThrowAsync<ArgumentException>(async () =>
        {
            await foreach (var unused in store.ListAsync("raw", prefix, CancellationToken.None))
            {
            }
        });
    }

    [Fact]
    public async Task PutAsync_When50MegabytesComeFromANonSeekableStream_ShouldStreamThemToDisk()
    {
        const long size = 50L * 1024 * 1024;
        const long mark = 40L * 1024 * 1024;
        var store = new FolderObjectStore(Root, _listener);
        long onDiskAtMark = -1;
        var bucketFolder = Path.Combine(Root, "raw");
        using var source = new ObjectStoreGeneratedStream(size, mark: mark, atMark: () =>
            onDiskAtMark = Directory.EnumerateFiles(bucketFolder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length));

        var info = await store.PutAsync("raw", "big/body.bin", source, "application/octet-stream", CancellationToken.None);

        using var expected = new ObjectStoreGeneratedStream(size);
        info.Size.ShouldBe(size);
        info.ETag.ShouldBe(Md5ETag.Of(expected));
        _listener.Created.ShouldHaveSingleItem().ShouldBe(info);

        // When the source had given 40 MB, nearly all of it was already in a file: the put does not hold it in memory.
        onDiskAtMark.ShouldBeGreaterThan(mark - (1024 * 1024));

        var tail = await store.ReadRangeAsync("raw", "big/body.bin", size - 3, 3, CancellationToken.None);
        tail.ShouldBe([ObjectStoreGeneratedStream.At(size - 3), ObjectStoreGeneratedStream.At(size - 2), ObjectStoreGeneratedStream.At(size - 1)]);
    }

    [Fact]
    public async Task PutAsync_WhenTheSourceFails_ShouldKeepTheOldObjectAndLeaveNoTempFile()
    {
        var store = new FolderObjectStore(Root, _listener);
        using (var original = new MemoryStream([1, 2, 3]))
        {
            await store.PutAsync("raw", "k", original, "text/plain", CancellationToken.None);
        }

        using var failing = new ObjectStoreGeneratedStream(1024 * 1024, mark: 256 * 1024, atMark: () => throw new IOException("connection reset"));
        await Should.ThrowAsync<IOException>(() => store.PutAsync("raw", "k", failing, "text/plain", CancellationToken.None));

        (await store.ReadRangeAsync("raw", "k", 0, 10, CancellationToken.None)).ShouldBe(new byte[] { 1, 2, 3 });
        Directory.EnumerateFiles(Path.Combine(Root, "raw", ".flick", "tmp")).ShouldBeEmpty();
        _listener.Created.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Constructor_WhenACrashLeftTempFiles_ShouldDeleteThemAndKeepObjects()
    {
        var first = new FolderObjectStore(Root, _listener);
        using (var content = new MemoryStream([5]))
        {
            await first.PutAsync("series", "kept", content, "text/plain", CancellationToken.None);
        }

        var leftover = Path.Combine(Root, "series", ".flick", "tmp", "0123456789abcdef");
        Directory.CreateDirectory(Path.GetDirectoryName(leftover)!);
        await File.WriteAllBytesAsync(leftover, new byte[4096]);

        var restarted = new FolderObjectStore(Root, _listener);

        File.Exists(leftover).ShouldBeFalse();
        (await restarted.HeadAsync("series", "kept", CancellationToken.None)).ShouldNotBeNull().Size.ShouldBe(1);
    }

    [Fact]
    public async Task OpenReadAsync_WhilePutsReplaceTheObject_ShouldAlwaysSeeOneWholeVersion()
    {
        const int size = 256 * 1024;
        var store = new FolderObjectStore(Root, _listener);
        using (var initial = new MemoryStream(Enumerable.Repeat((byte)0, size).ToArray()))
        {
            await store.PutAsync("raw", "hot", initial, "text/plain", CancellationToken.None);
        }

        var writer = Task.Run(async () =>
        {
            for (var version = 1; version <= 20; version++)
            {
                using var content = new MemoryStream(Enumerable.Repeat((byte)version, size).ToArray());
                await store.PutAsync("raw", "hot", content, "text/plain", CancellationToken.None);
            }
        });

        while (!writer.IsCompleted)
        {
            await using var stream = await store.OpenReadAsync("raw", "hot", CancellationToken.None);
            using var copy = new MemoryStream();
            await stream.ShouldNotBeNull().CopyToAsync(copy);
            var bytes = copy.ToArray();
            bytes.Length.ShouldBe(size);
            bytes.ShouldAllBe(b => b == bytes[0]);
        }

        await writer;
    }
}
