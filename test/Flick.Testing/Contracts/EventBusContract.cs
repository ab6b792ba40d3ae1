using System.Text.Json.Nodes;
using Flick.Core.Ports;
using Shouldly;
using Xunit;

namespace Flick.Testing.Contracts;

/// <summary>
/// The behaviour every <see cref="IEventBus"/> adapter has; run once per adapter: what is published reaches the
/// bus (a subscriber on one machine, what EventBridge accepted in AWS) with its source, detail type, detail,
/// resources and time, and an entry that cannot be sent stops the whole publish before anything is sent.
/// </summary>
public abstract class EventBusContract
{
    protected const string Source = "flick.pipeline";

    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 5, 0, TimeSpan.Zero);

    protected abstract IEventBus Bus { get; }

    /// <summary>Every event the bus took, in the order it took them.</summary>
    protected abstract Task<IReadOnlyList<PublishedEvent>> DeliveredAsync();

    [Fact]
    public async Task PublishAsync_WhenPublished_ShouldDeliverEachEventWithItsSourceDetailTypeDetailResourcesAndTime()
    {
        const string ready = """{"seriesId":"demo","runId":"run-1","from":"2026-11-23T10:00Z","to":"2026-11-23T11:00Z","slots":60,"observations":600000,"rejected":3,"status":"SUCCEEDED","outputs":["clean/channel_viewers"]}""";
        const string failed = """{"seriesId":"demo","runId":"run-2","status":"FAILED","error":{"Error":"States.TaskFailed","Cause":"boom \u00e9"}}""";
        BusEvent[] events =
        [
            new(Source, "SeriesReady", ready, ["arn:aws:s3:::flick-clean"], At),
            new(Source, "SeriesFailed", failed, null, At.AddSeconds(7)),
        ];

        await Bus.PublishAsync(events, CancellationToken.None);

        var delivered = await DeliveredAsync();
        delivered.Count.ShouldBe(2);
        for (var i = 0; i < events.Length; i++)
        {
            (delivered[i].Source, delivered[i].DetailType, delivered[i].Time).ShouldBe((events[i].Source, events[i].DetailType, events[i].Time));
            JsonNode.DeepEquals(JsonNode.Parse(delivered[i].DetailJson), JsonNode.Parse(events[i].DetailJson)).ShouldBeTrue(delivered[i].DetailJson);
            delivered[i].Resources.ShouldBe(events[i].Resources ?? []);
        }
    }

    [Fact]
    public async Task PublishAsync_WhenThereAreMoreEventsThanOneRequestHolds_ShouldDeliverEveryOneInOrder()
    {
        var events = Enumerable.Range(0, 23).Select(i => new BusEvent(Source, "SeriesReady", $$"""{"n":{{i}}}""", null, At)).ToList();

        await Bus.PublishAsync(events, CancellationToken.None);

        var delivered = await DeliveredAsync();
        delivered.Select(d => JsonNode.Parse(d.DetailJson)!["n"]!.GetValue<int>()).ShouldBe(Enumerable.Range(0, 23));
    }

    [Fact]
    public async Task PublishAsync_WhenNothingIsPublished_ShouldDeliverNothing()
    {
        await Bus.PublishAsync([], CancellationToken.None);

        (await DeliveredAsync()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Source, "SeriesReady", "[1,2]")]
    [InlineData(Source, "SeriesReady", "{not json")]
    [InlineData(Source, "", "{}")]
    [InlineData("", "SeriesReady", "{}")]
    public async Task PublishAsync_WhenAnEventCannotBeSent_ShouldThrowArgumentExceptionAndDeliverNone(string source, string detailType, string detail)
    {
        BusEvent[] events = [new(Source, "SeriesReady", "{}", null, At), new(source, detailType, detail, null, At)];

        await Should.ThrowAsync<ArgumentException>(() => Bus.PublishAsync(events, CancellationToken.None));

        (await DeliveredAsync()).ShouldBeEmpty();
    }
}

/// <summary>An event as the bus took it. <paramref name="Time"/> is whole seconds, as EventBridge keeps it.</summary>
public sealed record PublishedEvent(string Source, string DetailType, string DetailJson, IReadOnlyList<string> Resources, DateTimeOffset? Time);
