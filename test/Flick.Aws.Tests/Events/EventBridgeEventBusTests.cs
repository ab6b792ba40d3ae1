using System.Net;
using System.Text.Json;
using Flick.Aws.Events;
using Flick.Aws.JsonProtocol;
using Flick.Aws.Tests.JsonProtocol;
using Flick.Core.Ports;

namespace Flick.Aws.Tests.Events;

public sealed class EventBridgeEventBusTests
{
    private const string JsonOneOne = "application/x-amz-json-1.1";

    [Fact]
    public async Task PublishAsync_WhenMoreThanTenEvents_ShouldSendThemTenPerRequestInOrder()
    {
        var handler = new RecordingHandler().Then(AcceptAll);
        var events = Enumerable.Range(0, 23).Select(i => new BusEvent("flick.test", "Numbered", $$"""{"n":{{i}}}""")).ToList();

        await Bus(handler).PublishAsync(events, CancellationToken.None);

        handler.Requests.Select(r => Entries(r).Count).ShouldBe([10, 10, 3]);
        handler.Requests.SelectMany(Entries).Select(e => e.GetProperty("Detail").GetString()).ShouldBe(events.Select(e => e.DetailJson));
        handler.Requests.SelectMany(Entries).ShouldAllBe(e => e.GetProperty("EventBusName").GetString() == "flick-bus");
    }

    [Fact]
    public async Task PublishAsync_WhenOneEntryIsThrottled_ShouldResendOnlyThatEntry()
    {
        var handler = new RecordingHandler()
            .ThenJson(HttpStatusCode.OK,
                """{"FailedEntryCount":1,"Entries":[{"EventId":"a"},{"ErrorCode":"ThrottlingException","ErrorMessage":"Rate exceeded"},{"EventId":"c"}]}""",
                JsonOneOne)
            .Then(AcceptAll);
        BusEvent[] events = [new("s", "A", "{}"), new("s", "B", "{}"), new("s", "C", "{}")];

        await Bus(handler).PublishAsync(events, CancellationToken.None);

        handler.Requests.Count.ShouldBe(2);
        Entries(handler.Requests[1]).Select(e => e.GetProperty("DetailType").GetString()).ShouldBe(["B"]);
    }

    [Fact]
    public async Task PublishAsync_WhenAnEntryFailsForGood_ShouldThrowNamingItWithoutResendingIt()
    {
        var handler = new RecordingHandler().ThenJson(HttpStatusCode.OK,
            """{"FailedEntryCount":1,"Entries":[{"EventId":"a"},{"ErrorCode":"MalformedDetail","ErrorMessage":"Detail is malformed."}]}""",
            JsonOneOne);
        BusEvent[] events = [new("flick.pipeline", "Ok", "{}"), new("flick.pipeline", "Broken", "{}")];

        var exception = await Should.ThrowAsync<PutEventsFailedException>(() => Bus(handler).PublishAsync(events, CancellationToken.None));

        exception.Failures.ShouldBe([new FailedBusEvent(1, "flick.pipeline", "Broken", "MalformedDetail", "Detail is malformed.")]);
        exception.Message.ShouldContain("MalformedDetail");
        exception.Message.ShouldContain("Broken");
        handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task PublishAsync_WhenAnEntryIsThrottledOnEveryAttempt_ShouldThrowAfterTheLastAttempt()
    {
        var handler = new RecordingHandler().ThenJson(HttpStatusCode.OK,
            """{"FailedEntryCount":1,"Entries":[{"ErrorCode":"InternalException","ErrorMessage":"try later"}]}""", JsonOneOne);

        var exception = await Should.ThrowAsync<PutEventsFailedException>(
            () => Bus(handler, maxEntryAttempts: 3).PublishAsync([new BusEvent("s", "A", "{}")], CancellationToken.None));

        exception.Failures.ShouldHaveSingleItem().ErrorCode.ShouldBe("InternalException");
        handler.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task PublishAsync_WhenAnEntryIsAtTheSizeLimit_ShouldSendItButRejectOneByteMore()
    {
        // Size = UTF-8 bytes of source (1) + detail type (1) + detail; {"a":""} is 8 bytes around the filler.
        const int limit = 256 * 1024;
        var fitting = new BusEvent("s", "t", $$"""{"a":"{{new string('x', limit - 2 - 8)}}"}""");
        var tooLarge = fitting with { DetailJson = $$"""{"a":"{{new string('x', limit - 2 - 8 + 1)}}"}""" };
        var handler = new RecordingHandler().Then(AcceptAll);
        var bus = Bus(handler);

        await bus.PublishAsync([fitting], CancellationToken.None);
        var exception = await Should.ThrowAsync<ArgumentException>(() => bus.PublishAsync([fitting, tooLarge], CancellationToken.None));

        exception.Message.ShouldContain("262145 bytes");
        handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task PublishAsync_WhenAnEntryHasATime_ShouldCountFourteenBytesForIt()
    {
        const int limit = 256 * 1024;
        var withTime = new BusEvent("s", "t", $$"""{"a":"{{new string('x', limit - 2 - 8 - 14 + 1)}}"}""", Time: DateTimeOffset.UnixEpoch);

        await Should.ThrowAsync<ArgumentException>(() => Bus(new RecordingHandler()).PublishAsync([withTime], CancellationToken.None));
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("not json")]
    public async Task PublishAsync_WhenADetailIsNotAJsonObject_ShouldThrowBeforeSendingAnything(string detail)
    {
        var handler = new RecordingHandler();

        await Should.ThrowAsync<ArgumentException>(
            () => Bus(handler).PublishAsync([new BusEvent("s", "Fine", "{}"), new BusEvent("s", "Bad", detail)], CancellationToken.None));

        handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task PublishAsync_WhenThePutEventsCallIsThrottled_ShouldRetryTheWholeCall()
    {
        var handler = new RecordingHandler()
            .ThenJson(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"Rate exceeded"}""", JsonOneOne)
            .Then(AcceptAll);

        await Bus(handler).PublishAsync([new BusEvent("s", "A", "{}")], CancellationToken.None);

        handler.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task PublishAsync_WhenThereAreNoEvents_ShouldSendNothing()
    {
        var handler = new RecordingHandler();

        await Bus(handler).PublishAsync([], CancellationToken.None);

        handler.Requests.ShouldBeEmpty();
    }

    private static EventBridgeEventBus Bus(RecordingHandler handler, int maxEntryAttempts = 4) =>
        new(
            TestClients.Create(handler, AwsJsonService.EventBridge),
            new EventBridgeOptions { EventBusName = "flick-bus", FailedEntryRetry = TestClients.FastRetry(maxEntryAttempts) });

    private static List<JsonElement> Entries(RecordedRequest request)
    {
        using var document = JsonDocument.Parse(request.Body);
        return [.. document.RootElement.GetProperty("Entries").EnumerateArray().Select(e => e.Clone())];
    }

    // Accepts every entry of the request, answering one result per entry as PutEvents does.
    private static HttpResponseMessage AcceptAll(RecordedRequest request)
    {
        var results = string.Join(",", Entries(request).Select((_, i) => $$"""{"EventId":"id-{{i}}"}"""));
        return RecordingHandler.Json(HttpStatusCode.OK, $$"""{"FailedEntryCount":0,"Entries":[{{results}}]}""", JsonOneOne);
    }
}
