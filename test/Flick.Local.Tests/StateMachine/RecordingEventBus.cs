using System.Collections.Concurrent;
using Flick.Core.Ports;

namespace Flick.Local.Tests.StateMachine;

internal sealed class RecordingEventBus : IEventBus
{
    public ConcurrentQueue<BusEvent> Published { get; } = new();

    public Exception? FailWith { get; set; }

    public Task PublishAsync(IReadOnlyList<BusEvent> events, CancellationToken cancellationToken)
    {
        if (FailWith is not null)
        {
            throw FailWith;
        }

        foreach (var e in events)
        {
            Published.Enqueue(e);
        }

        return Task.CompletedTask;
    }
}
