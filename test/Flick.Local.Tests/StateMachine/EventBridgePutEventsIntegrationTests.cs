using System.Text.Json.Nodes;
using Flick.Local.StateMachine;

namespace Flick.Local.Tests.StateMachine;

public sealed class EventBridgePutEventsIntegrationTests
{
    private static string PutEventsMachine(string detailField) => Asl.Machine("Publish", $$"""
        'Publish': { 'Type': 'Task', 'Resource': 'arn:aws:states:::events:putEvents',
                     'Parameters': { 'Entries': [ { 'EventBusName': 'flick', 'Source': 'flick.pipeline', 'DetailType': 'SeriesReady', {{detailField}} } ] },
                     'ResultPath': '$.put', 'End': true }
        """);

    private static EngineHarness With(RecordingEventBus bus) =>
        new EngineHarness().OnRaw(EventBridgePutEventsIntegration.ResourceArn, new EventBridgePutEventsIntegration(bus).InvokeAsync);

    [Fact]
    public async Task PutEvents_WithAnObjectDetail_ShouldPublishItAndReturnTheEventIds()
    {
        var bus = new RecordingEventBus();
        var output = await With(bus).RunAsync(PutEventsMachine("'Detail.$': '$.result'"), """{"result":{"seriesId":"s1","slots":3}}""");

        var published = bus.Published.ShouldHaveSingleItem();
        published.Source.ShouldBe("flick.pipeline");
        published.DetailType.ShouldBe("SeriesReady");
        JsonAssert.Equal("""{"seriesId":"s1","slots":3}""", published.DetailJson);

        output!["put"]!["FailedEntryCount"]!.GetValue<int>().ShouldBe(0);
        var entry = output["put"]!["Entries"]!.AsArray().ShouldHaveSingleItem()!.AsObject();
        entry.Select(p => p.Key).ShouldBe(["EventId"]);
        entry["EventId"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task PutEvents_WithAStringDetail_ShouldPublishTheJsonItHolds()
    {
        var bus = new RecordingEventBus();
        await With(bus).RunAsync(PutEventsMachine("'Detail': '{\\'a\\':1}'"), "{}");

        JsonAssert.Equal("""{"a":1}""", bus.Published.ShouldHaveSingleItem().DetailJson);
    }

    [Fact]
    public async Task PutEvents_WhenTheBusRefuses_ShouldFailTheTaskWithFailedEntry()
    {
        var bus = new RecordingEventBus { FailWith = new InvalidOperationException("no rule accepted it") };
        var error = await With(bus).RunFailingAsync(PutEventsMachine("'Detail': {}"), "{}");

        error.Error.ShouldBe("EventBridge.FailedEntry");
        error.Cause.ShouldNotBeNull().ShouldContain("no rule accepted it");
    }

    [Fact]
    public async Task PutEvents_WhenTheDetailIsNotAnObject_ShouldFailWithAValidationError()
    {
        var error = await With(new RecordingEventBus()).RunFailingAsync(PutEventsMachine("'Detail.$': '$.n'"), """{"n":5}""");
        error.Error.ShouldBe("EventBridge.ValidationException");
    }

    [Fact]
    public async Task InvokeAsync_ShouldTakeSeveralEntriesInOrder()
    {
        var bus = new RecordingEventBus();
        var input = new JsonObject
        {
            ["Entries"] = new JsonArray(
                new JsonObject { ["EventBusName"] = "b", ["Source"] = "s", ["DetailType"] = "One", ["Detail"] = new JsonObject() },
                new JsonObject { ["EventBusName"] = "b", ["Source"] = "s", ["DetailType"] = "Two", ["Detail"] = "{}" }),
        };

        var result = JsonNode.Parse(await new EventBridgePutEventsIntegration(bus).InvokeAsync(input.ToJsonString(), CancellationToken.None));

        bus.Published.Select(e => e.DetailType).ShouldBe(["One", "Two"]);
        result!["Entries"]!.AsArray().Count.ShouldBe(2);
    }
}
