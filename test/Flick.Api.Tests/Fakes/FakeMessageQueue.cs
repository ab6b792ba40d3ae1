using System.Collections.Concurrent;
using Flick.Core.Ports;

namespace Flick.Api.Tests.Fakes;

/// <summary>Queues as lists: what was sent, and dead letters a test puts there.</summary>
public sealed class FakeMessageQueue : IMessageQueue
{
    public ConcurrentDictionary<string, List<QueueMessage>> Sent { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, List<QueueMessage>> DeadLetters { get; } = new(StringComparer.Ordinal);

    public Task<string> SendAsync(string queue, string body, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var list = Sent.GetOrAdd(queue, _ => []);
        lock (list)
        {
            list.Add(new QueueMessage(id, id, body, 0, DateTimeOffset.UtcNow));
        }

        return Task.FromResult(id);
    }

    public Task<IReadOnlyList<QueueMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task DeleteAsync(string queue, string receiptHandle, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task ChangeVisibilityAsync(string queue, string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<QueueMessage>> PeekDeadLettersAsync(string queue, int maxMessages, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<QueueMessage>>(DeadLetters.GetValueOrDefault(queue)?.Take(maxMessages).ToList() ?? []);

    public Task<int> RedriveAsync(string queue, CancellationToken cancellationToken)
    {
        if (!DeadLetters.TryRemove(queue, out var dead))
        {
            return Task.FromResult(0);
        }

        var list = Sent.GetOrAdd(queue, _ => []);
        lock (list)
        {
            list.AddRange(dead);
        }

        return Task.FromResult(dead.Count);
    }
}
