using System.Collections.Concurrent;
using Flick.Core.Ports;
using Flick.Local.Storage;

namespace Flick.Local.Tests.Storage;

internal sealed class RecordingListener : IObjectCreatedListener
{
    public ConcurrentQueue<ObjectInfo> Created { get; } = new();

    public Task OnObjectCreatedAsync(ObjectInfo created, CancellationToken cancellationToken)
    {
        Created.Enqueue(created);
        return Task.CompletedTask;
    }
}
