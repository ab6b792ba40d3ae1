using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Flick.Core.Ports;
using Flick.Local.Messaging;
using Flick.Testing.Contracts;

namespace Flick.Local.Tests.Contracts;

/// <summary>The event bus contract on the embedded bus: a rule on the pipeline's source records every envelope delivered.</summary>
public sealed class LocalEventBusContractTests : EventBusContract
{
    private readonly LocalEventBus _bus = new(TimeProvider.System);
    private readonly ConcurrentQueue<PublishedEvent> _delivered = new();

    public LocalEventBusContractTests() =>
        _bus.AddRule("record", $$"""{"source":["{{Source}}"]}""", (envelope, _) =>
        {
            _delivered.Enqueue(Read(envelope));
            return Task.CompletedTask;
        });

    protected override IEventBus Bus => _bus;

    protected override Task<IReadOnlyList<PublishedEvent>> DeliveredAsync() => Task.FromResult<IReadOnlyList<PublishedEvent>>([.. _delivered]);

    private static PublishedEvent Read(string envelope)
    {
        using var json = JsonDocument.Parse(envelope);
        var root = json.RootElement;
        return new PublishedEvent(
            root.GetProperty("source").GetString()!,
            root.GetProperty("detail-type").GetString()!,
            root.GetProperty("detail").GetRawText(),
            [.. root.GetProperty("resources").EnumerateArray().Select(r => r.GetString()!)],
            DateTimeOffset.Parse(root.GetProperty("time").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
    }
}
