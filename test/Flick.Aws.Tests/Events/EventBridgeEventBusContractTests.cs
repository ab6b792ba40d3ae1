using Amazon.Runtime;
using Flick.Aws.Events;
using Flick.Aws.JsonProtocol;
using Flick.Aws.Tests.JsonProtocol;
using Flick.Aws.Tests.Loopback;
using Flick.Core.Ports;
using Flick.Testing.Contracts;

namespace Flick.Aws.Tests.Events;

/// <summary>The event bus contract on EventBridge: the real JSON-protocol client, signed, against <see cref="LoopbackEventBridge"/>.</summary>
public sealed class EventBridgeEventBusContractTests : EventBusContract, IAsyncLifetime, IAsyncDisposable
{
    private const string BusName = "flick-events";

    private readonly LoopbackEventBridge _server = new(BusName, TestClients.Region);
    private readonly HttpClient _http = new();

    public EventBridgeEventBusContractTests()
    {
        var client = new AwsJsonProtocolClient(
            _http,
            AwsJsonService.EventBridge,
            new AwsJsonClientOptions { Region = TestClients.Region, ServiceUrl = _server.Endpoint, Retry = TestClients.FastRetry() },
            new BasicAWSCredentials(TestClients.AccessKey, TestClients.SecretKey));
        Bus = new EventBridgeEventBus(client, new EventBridgeOptions { EventBusName = BusName, FailedEntryRetry = TestClients.FastRetry() });
    }

    protected override IEventBus Bus { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    /// <summary>xunit calls this after each test (it does not call <see cref="IAsyncDisposable"/> on a test class).</summary>
    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        _server.UnsignedRequests.ShouldBe(0);
    }

    protected override Task<IReadOnlyList<PublishedEvent>> DeliveredAsync() => Task.FromResult(_server.Accepted);

    [Fact]
    public async Task PublishAsync_WhenEventBridgeThrottlesSomeEntries_ShouldSendOnlyThoseAgainAndDeliverEachOnce()
    {
        var events = Enumerable.Range(0, 12).Select(i => new BusEvent(Source, "SeriesReady", $$"""{"n":{{i}}}""")).ToList();
        _server.ThrottleNext(3);

        await Bus.PublishAsync(events, CancellationToken.None);

        // Requests of 10 and 2 (the first three entries throttled), then one of the three again.
        _server.PutEventsRequests.ShouldBe(3);
        _server.Accepted.Select(e => e.DetailJson).Order(StringComparer.Ordinal)
            .ShouldBe(events.Select(e => e.DetailJson).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PublishAsync_WhenTheBusDoesNotExist_ShouldThrowNamingEveryRejectedEntry()
    {
        await using var other = new LoopbackEventBridge("another-bus", TestClients.Region);
        using var http = new HttpClient();
        var client = new AwsJsonProtocolClient(
            http,
            AwsJsonService.EventBridge,
            new AwsJsonClientOptions { Region = TestClients.Region, ServiceUrl = other.Endpoint, Retry = TestClients.FastRetry() },
            new BasicAWSCredentials(TestClients.AccessKey, TestClients.SecretKey));
        var bus = new EventBridgeEventBus(client, new EventBridgeOptions { EventBusName = BusName, FailedEntryRetry = TestClients.FastRetry() });

        var exception = await Should.ThrowAsync<PutEventsFailedException>(() =>
            bus.PublishAsync([new BusEvent(Source, "SeriesReady", "{}"), new BusEvent(Source, "SeriesFailed", "{}")], CancellationToken.None));

        exception.Failures.Select(f => (f.Index, f.DetailType, f.ErrorCode)).ShouldBe([(0, "SeriesReady", "NotFound"), (1, "SeriesFailed", "NotFound")]);
        other.Accepted.ShouldBeEmpty();
    }
}
