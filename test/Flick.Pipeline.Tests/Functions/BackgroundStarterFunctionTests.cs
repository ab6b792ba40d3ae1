using System.Text;
using System.Text.Json;
using Flick.Core.Ports;
using Flick.Pipeline;
using Flick.Pipeline.Functions;
using Flick.Pipeline.Ingest;
using Flick.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Flick.Pipeline.Tests.Functions;

public class BackgroundStarterFunctionTests
{
    private const string Upload = """
        {"series":"demo","samples":[
          {"at":"2026-11-23T10:00:05Z","streams":[
            {"id":"s1","user_id":"1","user_login":"one","user_name":"One","game_id":"g","game_name":"G","type":"live","viewer_count":10,"started_at":"2026-11-23T09:00:00Z","language":"en","title":"t"},
            {"id":"s2","user_id":"2","user_login":"two","user_name":"Two","game_id":"","game_name":"","type":"live","viewer_count":-5,"started_at":"2026-11-23T09:00:00Z","language":"en","title":"t"}]},
          {"at":"2026-11-23T10:01:30Z","streams":[
            {"id":"s1","user_id":"1","user_login":"one","user_name":"One","game_id":"g","game_name":"G","type":"live","viewer_count":12,"started_at":"2026-11-23T09:00:00Z","language":"en","title":"t"}]},
          {"at":"2026-11-23T10:01:50Z","streams":[
            {"id":"s1","user_id":"1","user_login":"one","user_name":"One","game_id":"g","game_name":"G","type":"live","viewer_count":11,"started_at":"2026-11-23T09:00:00Z","language":"en","title":"t"}]}]}
        """;

    private static (BackgroundStarterFunction Function, InMemoryObjectStore Store) Create()
    {
        var store = new InMemoryObjectStore();
        var options = new PipelineOptions();
        var ingestor = new RawObjectIngestor(store, options.Buckets, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.Zero)));
        return (new BackgroundStarterFunction(ingestor, options, NullLogger<BackgroundStarterFunction>.Instance), store);
    }

    [Fact]
    public async Task InvokeAsync_WhenBatchHasOnePoisonMessage_ShouldReportExactlyThatMessage()
    {
        var (function, store) = Create();
        store.Put(Buckets.Raw, "uploads/demo.json", Encoding.UTF8.GetBytes(Upload));

        var response = await function.InvokeAsync(SqsEvents.Batch(
            ("good", SqsEvents.ObjectCreated(Buckets.Raw, "uploads/demo.json")),
            ("poison", "{not json"),
            ("missing", SqsEvents.ObjectCreated(Buckets.Raw, "uploads/none.json"))), CancellationToken.None);

        SqsEvents.FailedIds(response).ShouldBe(["poison", "missing"]);
    }

    [Fact]
    public async Task InvokeAsync_WhenUploadHasTwoMinutes_ShouldWriteTwoSlotsQuarantineAndOneManifest()
    {
        var (function, store) = Create();
        store.Put(Buckets.Raw, "uploads/demo.json", Encoding.UTF8.GetBytes(Upload));

        var response = await function.InvokeAsync(SqsEvents.Batch(("m", SqsEvents.ObjectCreated(Buckets.Raw, "uploads/demo.json"))), CancellationToken.None);

        SqsEvents.FailedIds(response).ShouldBeEmpty();
        var series = store.All.Where(o => o.Bucket == Buckets.Series).Select(o => o.Key).ToList();
        series.Count(k => k.StartsWith("slots/demo/2026-11-23T1000Z/", StringComparison.Ordinal)).ShouldBe(1);
        series.Count(k => k.StartsWith("slots/demo/2026-11-23T1001Z/", StringComparison.Ordinal)).ShouldBe(1);
        series.Count(k => k.StartsWith("quarantine/demo/", StringComparison.Ordinal)).ShouldBe(1);

        var manifestKey = series.Single(k => k.StartsWith("manifests/demo/", StringComparison.Ordinal));
        // The manifest is the last object written: its creation starts the run.
        store.Created[^2].Key.ShouldBe(manifestKey);
        using var manifest = JsonDocument.Parse(store.All.Single(o => o.Key == manifestKey).Bytes);
        manifest.RootElement.GetProperty("slots").EnumerateArray().Select(s => s.GetString()).ShouldBe(["2026-11-23T10:00Z", "2026-11-23T10:01Z"]);
        // 10:00 keeps user 1 (user 2's -5 is quarantined); 10:01 keeps one observation of user 1.
        manifest.RootElement.GetProperty("observations").GetInt64().ShouldBe(2);
        manifest.RootElement.GetProperty("rejected").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task InvokeAsync_WhenDeliveredTwice_ShouldWriteIdenticalObjects()
    {
        var (function, store) = Create();
        store.Put(Buckets.Raw, "uploads/demo.json", Encoding.UTF8.GetBytes(Upload));
        var batch = SqsEvents.Batch(("m", SqsEvents.ObjectCreated(Buckets.Raw, "uploads/demo.json")));

        await function.InvokeAsync(batch, CancellationToken.None);
        var first = store.All.Select(o => (o.Key, Convert.ToBase64String(o.Bytes))).ToList();
        await function.InvokeAsync(batch, CancellationToken.None);
        var second = store.All.Select(o => (o.Key, Convert.ToBase64String(o.Bytes))).ToList();

        second.ShouldBe(first);
    }
}
