using Shouldly;
using Xunit;

namespace Flick.Testing.Contracts;

/// <summary>
/// Keys are relative paths of non-empty segments. S3 would take nearly any key ('..', '//', a leading '/'), the
/// folder store cannot; both adapters refuse the same keys with an <see cref="ArgumentException"/>, so that no
/// key works in one place and fails in the other. Inherent, and not pinned here: the folder store cannot hold
/// both "a" and "a/b" (a file cannot be a folder), S3 can.
/// </summary>
public abstract partial class ObjectStoreContract
{
    public static TheoryData<string> UnusualValidKeys => new()
    {
        "with space/file name.json",
        "unicode/naïve café/日本語.txt",
        "emoji/\U0001F600.bin",
        "equals/series=abc/slot=2025-01-01T00:00Z.json",
        "plus/a+b.txt",
        "percent/100%25 done.txt",
        "query/a?b#c&d.txt",
        "quote/it's \"quoted\".txt",
        "tilde/~x/(1)[2]{3}.txt",
    };

    public static TheoryData<string> InvalidKeys => new()
    {
        "../x",
        "/abs",
        "a/../../b",
        "a/..",
        "..",
        ".",
        "./a",
        "a/./b",
        "a\\b",
        "..\\..\\x",
        "a\0b",
        "a\nb",
        "\u001f",
        new string('k', 1025),
        string.Concat(Enumerable.Repeat("é", 513)),
        new string('s', 256) + "/x",
        string.Empty,
        "a//b",
        "a/",
        ".flick/tmp/x",
    };

    [Theory]
    [MemberData(nameof(UnusualValidKeys), MemberType = typeof(ObjectStoreContract))]
    public async Task PutAsync_WhenKeyHasSpacesUnicodeOrPunctuation_ShouldRoundTripTheKey(string key)
    {
        var store = await CreateStoreAsync();

        await store.PutAsync(Bucket, key, new MemoryStream([3, 1, 4]), "application/octet-stream", None);

        (await ReadAllAsync(store, Bucket, key)).ShouldBe([3, 1, 4]);
        (await store.HeadAsync(Bucket, key, None)).ShouldNotBeNull().Key.ShouldBe(key);
        (await store.ReadRangeAsync(Bucket, key, 1, 1, None)).ShouldBe([1]);
        (await ListAsync(store, Bucket, key[..(key.IndexOf('/') + 1)])).Select(o => o.Key).ShouldBe([key]);
        (await ListAsync(store, Bucket, key)).Select(o => o.Key).ShouldBe([key]);
        await store.DeleteAsync(Bucket, key, None);
        (await store.HeadAsync(Bucket, key, None)).ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(InvalidKeys), MemberType = typeof(ObjectStoreContract))]
    public async Task EveryOperation_WhenKeyIsInvalid_ShouldThrowArgumentExceptionAndStoreNothing(string key)
    {
        var store = await CreateStoreAsync();

        var error = await Should.ThrowAsync<ArgumentException>(() => store.PutAsync(Bucket, key, new MemoryStream([1]), "text/plain", None));
        error.Message.ShouldContain("key");
        await Should.ThrowAsync<ArgumentException>(() => store.OpenReadAsync(Bucket, key, None));
        await Should.ThrowAsync<ArgumentException>(() => store.ReadRangeAsync(Bucket, key, 0, 1, None));
        await Should.ThrowAsync<ArgumentException>(() => store.HeadAsync(Bucket, key, None));
        await Should.ThrowAsync<ArgumentException>(() => store.DeleteAsync(Bucket, key, None));

        (await ListAsync(store, Bucket, string.Empty)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("../")]
    [InlineData("a/../")]
    [InlineData("./")]
    [InlineData("/a")]
    [InlineData("a//")]
    [InlineData("a\\")]
    [InlineData(".flick/")]
    public async Task ListAsync_WhenPrefixIsNotTheStartOfAValidKey_ShouldThrowArgumentException(string prefix)
    {
        var store = await CreateStoreAsync();

        await Should.ThrowAsync<ArgumentException>(() => ListAsync(store, Bucket, prefix));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../raw")]
    [InlineData("Raw")]
    [InlineData("")]
    [InlineData("raw/sub")]
    [InlineData("under_score")]
    public async Task EveryOperation_WhenBucketIsInvalid_ShouldThrowArgumentException(string bucket)
    {
        var store = await CreateStoreAsync();

        await Should.ThrowAsync<ArgumentException>(() => store.PutAsync(bucket, "k.txt", new MemoryStream([1]), "text/plain", None));
        await Should.ThrowAsync<ArgumentException>(() => store.OpenReadAsync(bucket, "k.txt", None));
        await Should.ThrowAsync<ArgumentException>(() => store.HeadAsync(bucket, "k.txt", None));
        await Should.ThrowAsync<ArgumentException>(() => store.DeleteAsync(bucket, "k.txt", None));
        await Should.ThrowAsync<ArgumentException>(() => ListAsync(store, bucket, string.Empty));
    }
}
