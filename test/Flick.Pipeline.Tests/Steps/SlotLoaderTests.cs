using System.Text;
using Flick.Core.Domain;
using Flick.Core.Ports;
using Flick.Core.Semantics;
using Flick.Pipeline.Ingest;
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

    // Two minutes; user 1 twice in the first (the later sample wins), text that needs escaping and
    // decoding, a stream without started_at, a mature one and an uncategorised one.
    private const string Upload = """
        {"series":"demo","samples":[
          {"at":"2026-11-23T10:00:05.1234567Z","streams":[
            {"id":"s1","user_id":"1","user_login":"one","user_name":"Zoë \u00e9 \"q\" 🎮","game_id":"g","game_name":"Jeu \u2013 G","type":"live","viewer_count":10,"started_at":"2026-11-23T09:00:00Z","language":"fr","title":"a\\b\nc","is_mature":true},
            {"id":"s2","user_id":"2","user_login":"two","user_name":"Two","game_id":"","game_name":"","type":"live","viewer_count":0,"language":"","title":""}]},
          {"at":"2026-11-23T10:00:45Z","streams":[
            {"id":"s1","user_id":"1","user_login":"one","user_name":"One","game_id":"g","game_name":"G","viewer_count":12,"started_at":"2026-11-23T09:00:00+02:00","language":"en","title":"later"}]},
          {"at":"2026-11-23T10:01:30Z","streams":[
            {"id":"s3","user_id":"3","user_login":"three","user_name":"日本","game_id":"h","game_name":"H","type":"live","viewer_count":2147483647,"started_at":"2026-11-23T10:01:00Z","language":"ja","title":"t"}]}]}
        """;

    [Fact]
    public async Task Offer_WhenTheIngestWroteTheOnlyPartOfEachMinute_ShouldServeWhatParsingTheSilverPartGivesWithoutReadingIt()
    {
        var (store, shared) = await IngestUploadAsync();
        var handedOff = new[] { await shared.LoadAsync(Series, Minute, CancellationToken.None), await shared.LoadAsync(Series, Minute.AddMinutes(1), CancellationToken.None) };
        var silverReadsAfterHandOff = store.OpenedKeys.Count(k => k.Bucket == Buckets.Series);
        var fresh = new SlotLoader(store, new BucketNames());
        var parsed = new[] { await fresh.LoadAsync(Series, Minute, CancellationToken.None), await fresh.LoadAsync(Series, Minute.AddMinutes(1), CancellationToken.None) };

        silverReadsAfterHandOff.ShouldBe(0);
        store.OpenedKeys.Count(k => k.Bucket == Buckets.Series).ShouldBe(2);
        for (var i = 0; i < 2; i++)
        {
            handedOff[i].Series.ShouldBe(parsed[i].Series);
            handedOff[i].Slot.ShouldBe(parsed[i].Slot);
            handedOff[i].Observations.ShouldBe(parsed[i].Observations);   // records: every field compared
        }

        handedOff[0].Observations.Select(o => (o.UserId, o.ViewerCount, o.UserName)).ShouldBe([("1", 12, "One"), ("2", 0, "Two")]);
        handedOff[1].Observations.Single().UserName.ShouldBe("日本");
    }

    [Fact]
    public async Task LoadAsync_WhenAnotherPartOfTheMinuteWasWrittenAfterTheOffer_ShouldReadAllPartsFromSilver()
    {
        var (store, shared) = await IngestUploadAsync();

        const string later = """
            {"series":"demo","samples":[{"at":"2026-11-23T10:00:50Z","streams":[
              {"id":"s2","user_id":"2","user_login":"two","user_name":"Two","game_id":"","game_name":"","type":"live","viewer_count":5,"language":"","title":""},
              {"id":"s9","user_id":"9","user_login":"nine","user_name":"Nine","game_id":"g","game_name":"G","type":"live","viewer_count":9,"language":"en","title":"t"}]}]}
            """;
        store.Put(Buckets.Series, StorageLayout.SlotPart(Series, Minute, "p2"), Encoding.UTF8.GetBytes(later));
        var content = await shared.LoadAsync(Series, Minute, CancellationToken.None);

        store.OpenedKeys.Count(k => k.Bucket == Buckets.Series).ShouldBe(2);
        // User 1 only in the upload (12); user 2's sample at 10:00:50 is later than the upload's (0); user 9 only in the new part.
        content.Observations.Select(o => (o.UserId, o.ViewerCount)).ShouldBe([("1", 12), ("2", 5), ("9", 9)]);
    }

    [Fact]
    public async Task Offer_WhenMoreSlotsAreOfferedThanKept_ShouldDropTheOldestOfferEvenWhenItWasReadLast()
    {
        var store = new GatedStore();
        store.Release();
        var loader = new SlotLoader(store, new BucketNames());
        var first = await OfferAsync(store, loader, Minute);
        (await loader.LoadAsync(Series, Minute, CancellationToken.None)).ShouldBeSameAs(first);

        // Seven more fill the loader's eight places; one after them pushes out the first offer, read or not.
        for (var i = 1; i <= SlotLoader.CachedSlots; i++)
        {
            await OfferAsync(store, loader, Minute.AddMinutes(i));
        }

        var second = await loader.LoadAsync(Series, Minute.AddMinutes(1), CancellationToken.None);
        var reread = await loader.LoadAsync(Series, Minute, CancellationToken.None);

        second.Observations.Single().UserId.ShouldBe("u1");
        reread.ShouldNotBeSameAs(first);
        store.OpenedKeys.Select(k => k.Key).ShouldBe([StorageLayout.SlotPart(Series, Minute, "p")]);
    }

    [Fact]
    public async Task WaitForRoomAsync_ShouldWaitWhileTheLimitOfUnreadOffersIsReachedAndGoOnWhenAStepReadsOne()
    {
        var store = new GatedStore();
        store.Release();
        var loader = new SlotLoader(store, new BucketNames());
        await OfferAsync(store, loader, Minute);
        await OfferAsync(store, loader, Minute.AddMinutes(1));
        await loader.WaitForRoomAsync(3, CancellationToken.None);   // two waiting: room for a third

        var wait = loader.WaitForRoomAsync(2, CancellationToken.None);
        await Task.Delay(100);
        var waitedWhileTwoUnread = !wait.IsCompleted;
        await loader.LoadAsync(Series, Minute.AddMinutes(1), CancellationToken.None);
        await wait.WaitAsync(TimeSpan.FromSeconds(5));

        waitedWhileTwoUnread.ShouldBeTrue();
        loader.Waiting.ShouldBe(1);
        store.Opens.ShouldBe(0);   // the read was served from the offer
    }

    [Fact]
    public async Task WaitForRoomAsync_WhenAnOfferIsNeverRead_ShouldStopCountingItAfterTheOfferWait()
    {
        var store = new GatedStore();
        store.Release();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var loader = new SlotLoader(store, new BucketNames(), clock);
        await OfferAsync(store, loader, Minute);

        var wait = loader.WaitForRoomAsync(1, CancellationToken.None);
        clock.Advance(SlotLoader.OfferWait - TimeSpan.FromSeconds(1));
        await Task.Delay(50);
        var waitingBeforeExpiry = (!wait.IsCompleted, loader.Waiting);
        // The wait re-checks on a timer of the (fake) clock: time goes on until it has seen the expiry.
        for (var i = 0; i < 100 && !wait.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        await wait.WaitAsync(TimeSpan.FromSeconds(5));

        waitingBeforeExpiry.ShouldBe((true, 1));
        loader.Waiting.ShouldBe(0);
    }

    [Fact]
    public async Task WaitForRoomAsync_WhenCancelled_ShouldThrow()
    {
        var store = new GatedStore();
        store.Release();
        var loader = new SlotLoader(store, new BucketNames());
        await OfferAsync(store, loader, Minute);
        using var cancel = new CancellationTokenSource();

        var wait = loader.WaitForRoomAsync(1, cancel.Token);
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    /// <summary>Writes a one-channel part of <paramref name="slot"/> and offers it as the ingest does; returns what was offered.</summary>
    private static async Task<SlotContent> OfferAsync(GatedStore store, SlotLoader loader, Slot slot)
    {
        var observation = new Observation { UserId = "u1", ViewerCount = 5, At = slot.Start };
        var content = new SlotContent(Series, slot, [observation]);
        using var bytes = new MemoryStream(Encoding.UTF8.GetBytes(
            $$"""{"series":"demo","samples":[{"at":"{{slot.Start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","streams":[{"id":"s","user_id":"u1","viewer_count":5}]}]}"""));
        var part = await store.PutAsync(Buckets.Series, StorageLayout.SlotPart(Series, slot, "p"), bytes, "application/json", CancellationToken.None);
        loader.Offer(part, content);
        return content;
    }

    /// <summary>Ingests <see cref="Upload"/> with the hand-off to a loader, as the embedded runtime does.</summary>
    private static async Task<(GatedStore Store, SlotLoader Shared)> IngestUploadAsync()
    {
        var store = new GatedStore();
        store.Release();
        store.Put(Buckets.Raw, "uploads/demo.json", Encoding.UTF8.GetBytes(Upload));
        var shared = new SlotLoader(store, new BucketNames());
        var ingestor = new RawObjectIngestor(store, new BucketNames(), TimeProvider.System, shared);
        await ingestor.IngestAsync("uploads/demo.json", "\"v1\"", CancellationToken.None);
        return (store, shared);
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

        public System.Collections.Concurrent.ConcurrentQueue<(string Bucket, string Key)> OpenedKeys { get; } = new();

        public void Put(string bucket, string key, byte[] bytes) => _inner.Put(bucket, key, bytes);

        public Task WaitForFirstOpenAsync() => _opened.Task;

        public void Release() => _released.TrySetResult();

        public async Task<Stream?> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _opens);
            OpenedKeys.Enqueue((bucket, key));
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
