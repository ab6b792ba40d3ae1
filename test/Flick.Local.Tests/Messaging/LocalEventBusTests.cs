using System.Text.Json.Nodes;
using Flick.Core.Ports;
using Flick.Local.Messaging;

namespace Flick.Local.Tests.Messaging;

public sealed class LocalEventBusTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset EventTime = new(2025, 3, 10, 12, 34, 56, TimeSpan.Zero);

    private readonly QueueTestContext _context = new();

    public void Dispose() => _context.Dispose();

    [Fact]
    public async Task PublishAsync_WithAMatchingQueueRule_ShouldSendTheWholeEnvelopeToTheQueue()
    {
        var queue = await _context.OpenAsync();
        var bus = new LocalEventBus(_context.Clock);
        bus.AddQueueRule("series-ready", """{"source":["flick.pipeline"],"detail-type":["SeriesReady"]}""", queue, "notifications");

        await bus.PublishAsync([new BusEvent("flick.pipeline", "SeriesReady", """{"seriesId":"s1","slots":3}""", ["run/r1"], EventTime)], None);

        var body = (await queue.ReceiveAsync("notifications", 10, TimeSpan.FromSeconds(30), None)).ShouldHaveSingleItem().Body;
        var envelope = JsonNode.Parse(body)!.AsObject();
        envelope.Select(p => p.Key).ShouldBe(["version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail"]);
        envelope["version"]!.GetValue<string>().ShouldBe("0");
        Guid.TryParse(envelope["id"]!.GetValue<string>(), out _).ShouldBeTrue();
        envelope["detail-type"]!.GetValue<string>().ShouldBe("SeriesReady");
        envelope["source"]!.GetValue<string>().ShouldBe("flick.pipeline");
        envelope["account"]!.GetValue<string>().ShouldBe("000000000000");
        envelope["time"]!.GetValue<string>().ShouldBe("2025-03-10T12:34:56Z");
        envelope["region"]!.GetValue<string>().ShouldBe("local");
        envelope["resources"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["run/r1"]);
        envelope["detail"]!.ToJsonString().ShouldBe("""{"seriesId":"s1","slots":3}""");
    }

    [Fact]
    public async Task PublishAsync_WithoutTime_ShouldStampTheClockTimeAndNoResources()
    {
        var delivered = new List<string>();
        var bus = new LocalEventBus(_context.Clock);
        bus.AddRule("all", """{"source":[{"prefix":""}]}""", (json, _) =>
        {
            delivered.Add(json);
            return Task.CompletedTask;
        });

        await bus.PublishAsync([new BusEvent("flick.pipeline", "SeriesFailed", "{}")], None);

        var envelope = JsonNode.Parse(delivered.ShouldHaveSingleItem())!;
        envelope["time"]!.GetValue<string>().ShouldBe("2025-03-10T12:00:00Z");
        envelope["resources"]!.AsArray().Count.ShouldBe(0);
    }

    [Fact]
    public async Task PublishAsync_ShouldDeliverOnlyToRulesWhosePatternMatches()
    {
        var delivered = new List<string>();
        var bus = new LocalEventBus(_context.Clock);
        bus.AddRule("ready", """{"detail-type":["SeriesReady"]}""", Record("ready"));
        bus.AddRule("failed", """{"detail-type":["SeriesFailed"]}""", Record("failed"));
        bus.AddRule("any-pipeline", """{"source":["flick.pipeline"]}""", Record("any-pipeline"));

        await bus.PublishAsync([new BusEvent("flick.pipeline", "SeriesFailed", "{}"), new BusEvent("other", "SeriesReady", "{}")], None);

        delivered.ShouldBe(["failed", "any-pipeline", "ready"]);

        Func<string, CancellationToken, Task> Record(string name) => (_, _) =>
        {
            delivered.Add(name);
            return Task.CompletedTask;
        };
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    public async Task PublishAsync_WithDetailThatIsNotAJsonObject_ShouldThrowAndDeliverNothing(string detail)
    {
        var delivered = 0;
        var bus = new LocalEventBus(_context.Clock);
        bus.AddRule("all", """{"source":["flick.pipeline"]}""", (_, _) =>
        {
            delivered++;
            return Task.CompletedTask;
        });

        await Should.ThrowAsync<ArgumentException>(() =>
            bus.PublishAsync([new BusEvent("flick.pipeline", "Good", "{}"), new BusEvent("flick.pipeline", "Bad", detail)], None));

        delivered.ShouldBe(0);
    }

    [Fact]
    public async Task PublishAsync_WhenATargetFails_ShouldStillDeliverToTheOthersAndThenThrow()
    {
        var delivered = new List<string>();
        var bus = new LocalEventBus(_context.Clock);
        bus.AddRule("broken", """{"source":["flick.pipeline"]}""", (_, _) => throw new InvalidOperationException("target down"));
        bus.AddRule("working", """{"source":["flick.pipeline"]}""", (_, _) =>
        {
            delivered.Add("working");
            return Task.CompletedTask;
        });

        var exception = await Should.ThrowAsync<InvalidOperationException>(() =>
            bus.PublishAsync([new BusEvent("flick.pipeline", "SeriesReady", "{}")], None));

        exception.Message.ShouldBe("target down");
        delivered.ShouldBe(["working"]);
    }

    [Fact]
    public void AddRule_WithInvalidPatternOrDuplicateName_ShouldThrow()
    {
        var bus = new LocalEventBus(_context.Clock);
        bus.AddRule("one", """{"source":["a"]}""", (_, _) => Task.CompletedTask);

        Should.Throw<FormatException>(() => bus.AddRule("two", """{"source":"a"}""", (_, _) => Task.CompletedTask));
        Should.Throw<ArgumentException>(() => bus.AddRule("one", """{"source":["b"]}""", (_, _) => Task.CompletedTask));
    }

    [Fact]
    public async Task ObjectCreated_PublishedOnABusWithAnIngestRule_ShouldReachTheQueueInTheS3EventShape()
    {
        var queue = await _context.OpenAsync();
        var bus = new LocalEventBus(_context.Clock);
        bus.AddQueueRule(
            "raw-object-created",
            """{"source":["aws.s3"],"detail-type":["Object Created"],"detail":{"bucket":{"name":["raw"]},"object":{"key":[{"prefix":"pulls/"}]}}}""",
            queue,
            Queues.Ingest);
        var put = new ObjectInfo("raw", "pulls/twitch/2025-03-10T12-00.json", 2048, "\"9e107d9d372bb6826bd81d3542a419d6\"", EventTime);

        await bus.PublishAsync([S3Events.ObjectCreated(put, "REQUEST123"), S3Events.ObjectCreated(put with { Key = "uploads/x.json" })], None);

        var body = (await queue.ReceiveAsync(Queues.Ingest, 10, TimeSpan.FromSeconds(30), None)).ShouldHaveSingleItem().Body;
        var envelope = JsonNode.Parse(body)!;
        envelope["source"]!.GetValue<string>().ShouldBe("aws.s3");
        envelope["detail-type"]!.GetValue<string>().ShouldBe("Object Created");
        envelope["time"]!.GetValue<string>().ShouldBe("2025-03-10T12:34:56Z");
        envelope["resources"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["arn:aws:s3:::raw"]);
        var detail = envelope["detail"]!.AsObject();
        detail.Select(p => p.Key).ShouldBe(["version", "bucket", "object", "request-id", "requester", "source-ip-address", "reason"]);
        detail["version"]!.GetValue<string>().ShouldBe("0");
        detail["bucket"]!["name"]!.GetValue<string>().ShouldBe("raw");
        detail["object"]!["key"]!.GetValue<string>().ShouldBe("pulls/twitch/2025-03-10T12-00.json");
        detail["object"]!["size"]!.GetValue<long>().ShouldBe(2048);
        detail["object"]!["etag"]!.GetValue<string>().ShouldBe("9e107d9d372bb6826bd81d3542a419d6");
        detail["object"]!["sequencer"]!.GetValue<string>().ShouldMatch("^[0-9A-F]+$");
        detail["request-id"]!.GetValue<string>().ShouldBe("REQUEST123");
        detail["reason"]!.GetValue<string>().ShouldBe("PutObject");
    }

    [Fact]
    public void ObjectCreated_ForLaterPutsOfAKey_ShouldGiveGreaterSequencers()
    {
        var first = new ObjectInfo("raw", "k", 1, "\"e\"", EventTime);
        var second = first with { LastModified = EventTime.AddMilliseconds(1) };

        string.CompareOrdinal(Sequencer(S3Events.ObjectCreated(second)), Sequencer(S3Events.ObjectCreated(first))).ShouldBeGreaterThan(0);

        static string Sequencer(BusEvent e) => JsonNode.Parse(e.DetailJson)!["object"]!["sequencer"]!.GetValue<string>();
    }
}
