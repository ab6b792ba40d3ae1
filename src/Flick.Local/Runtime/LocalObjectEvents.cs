using Flick.Core.Ports;
using Flick.Local.Messaging;
using Flick.Local.Storage;

namespace Flick.Local.Runtime;

/// <summary>
/// Publishes an S3-style "Object Created" event on the bus for every put, as S3 does with
/// EventBridge notifications on. Delivery is synchronous: when a put returns, the event is in its
/// queues, so a crash can lose neither (the step that wrote is redone from its own message).
/// </summary>
public sealed class LocalObjectEvents(LocalEventBus bus) : IObjectCreatedListener
{
    public Task OnObjectCreatedAsync(ObjectInfo created, CancellationToken cancellationToken) =>
        bus.PublishAsync([S3Events.ObjectCreated(created)], cancellationToken);
}
