using Flick.Core.Ports;
using Flick.Local.Messaging;
using Flick.Local.Tests.Messaging;
using Flick.Testing.Contracts;

namespace Flick.Local.Tests.Contracts;

/// <summary>The message queue contract on the SQLite queue, on a fake clock: visibility timeouts pass without waiting.</summary>
public sealed class SqliteMessageQueueContractTests : MessageQueueContract, IDisposable
{
    private readonly QueueTestContext _context = new();

    public void Dispose() => _context.Dispose();

    protected override DateTimeOffset Now => _context.Clock.GetUtcNow();

    protected override async Task<IMessageQueue> CreateQueueAsync(int maxReceiveCount) =>
        await _context.OpenAsync(new Dictionary<string, QueueSettings> { [Queue] = new(maxReceiveCount) });

    protected override Task LetTimePassAsync(TimeSpan duration)
    {
        _context.Clock.Advance(duration);
        return Task.CompletedTask;
    }
}
