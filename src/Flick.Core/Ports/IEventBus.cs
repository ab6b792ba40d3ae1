namespace Flick.Core.Ports;

/// <summary>An EventBridge-style bus: events are matched against rules and delivered to their targets.</summary>
public interface IEventBus
{
    /// <summary>Publishes the entries; throws when any entry was not accepted.</summary>
    Task PublishAsync(IReadOnlyList<BusEvent> events, CancellationToken cancellationToken);
}
