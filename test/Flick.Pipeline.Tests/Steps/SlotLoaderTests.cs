using System.Text;
using Flick.Core.Domain;
using Flick.Core.Ports;
using Flick.Pipeline.Layout;
using Flick.Pipeline.Steps;
using Flick.Testing;

namespace Flick.Pipeline.Tests.Steps;

public class SlotLoaderTests
{
    private static readonly SeriesId Series = SeriesId.Parse("demo");
    private static readonly Slot Minute = Slot.Parse("2026-11-23T10:00Z");

    private const string Part = """
        {"series":"demo","samples":[{"at":"2026-11-23T10:00:05Z","streams":[
          {"id":"s1","user_id":"2","user_login":"two","user_name":"Two","game_id":"g","game_name":"G","type":"live","viewer_count":7,"started_at":"2026-11-23T09:00:00Z","language":"en","title":"t"},
          {"id":"s2","user_id":"1","user_login":"one","user_name":"One","game_id":"","game_name":"","type":"live","viewer_count":3,"started_at":"2026-11-23T09:00:00Z","language":"en","title":"t"}]}]}
        """;

    [Fact]
    public async Task LoadAsync_WhenThreeStepsAskAtOnce_ShouldReadThePartOnceAndGiveAllTheSameSlot()
    {
        var store = new GatedStore();
        store.Put(Buckets.Series, StorageLayout.SlotPart(Series, Minute, "p1"), Encoding.UTF8.GetBytes(Part));
        var loader = new SlotLoader(store, new BucketNames());

        var loads = Enumerable.Range(0, 3).Select(_ => loader.LoadAsync(Series, Minute, CancellationToken.None)).ToList();
        await store.WaitForFirstOpenAsync();
        store.Release();
        var contents = await Task.WhenAll(loads);

        store.Opens.ShouldBe(1);
        contents.ShouldAllBe(c => ReferenceEquals(c, contents[0]));
        contents[0].Observations.Select(o => (o.UserId, o.ViewerCount)).ShouldBe([("1", 3), ("2", 7)]);
    }

    [Fact]
    public async Task LoadAsync_WhenALoadFails_ShouldNotKeepTheFailureAndTheNextCallShouldReadAgain()
    {
        var store = new GatedStore { FailNextOpen = true };
        store.Put(Buckets.Series, StorageLayout.SlotPart(Series, Minute, "p1"), Encoding.UTF8.GetBytes(Part));
        var loader = new SlotLoader(store, new BucketNames());
        store.Release();

        await Should.ThrowAsync<IOException>(() => loader.LoadAsync(Series, Minute, CancellationToken.None));
        var again = await loader.LoadAsync(Series, Minute, CancellationToken.None);

        again.Observations.Count.ShouldBe(2);
        store.Opens.ShouldBe(2);
    }

    /// <summary>Holds every read until released, so that concurrent loads overlap for certain.</summary>
    private sealed class GatedStore : IObjectStore
    {
        private readonly InMemoryObjectStore _inner = new();
        private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _opens;

        public bool FailNextOpen { get; set; }

        public int Opens => Volatile.Read(ref _opens);

        public void Put(string bucket, string key, byte[] bytes) => _inner.Put(bucket, key, bytes);

        public Task WaitForFirstOpenAsync() => _opened.Task;

        public void Release() => _released.TrySetResult();

        public async Task<Stream?> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _opens);
            _opened.TrySetResult();
            await _released.Task;
            if (FailNextOpen)
            {
                FailNextOpen = false;
                throw new IOException("disk error");
            }

            return await _inner.OpenReadAsync(bucket, key, cancellationToken);
        }

        public Task<ObjectInfo> PutAsync(string bucket, string key, Stream content, string contentType, CancellationToken cancellationToken) =>
            _inner.PutAsync(bucket, key, content, contentType, cancellationToken);

        public Task<byte[]?> ReadRangeAsync(string bucket, string key, long offset, int length, CancellationToken cancellationToken) =>
            _inner.ReadRangeAsync(bucket, key, offset, length, cancellationToken);

        public Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken) => _inner.HeadAsync(bucket, key, cancellationToken);

        public IAsyncEnumerable<ObjectInfo> ListAsync(string bucket, string prefix, CancellationToken cancellationToken) => _inner.ListAsync(bucket, prefix, cancellationToken);

        public Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken) => _inner.DeleteAsync(bucket, key, cancellationToken);
    }
}
