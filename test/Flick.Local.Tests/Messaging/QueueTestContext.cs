using Flick.Local.Messaging;
using Microsoft.Extensions.Time.Testing;

namespace Flick.Local.Tests.Messaging;

/// <summary>A queue database in a temporary folder on a fake clock, for one test.</summary>
public sealed class QueueTestContext : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private readonly TemporaryDirectory _directory = new();
    private readonly List<SqliteMessageQueue> _queues = [];

    public FakeTimeProvider Clock { get; } = new(Start);

    public SqliteMessageQueueOptions Options(IReadOnlyDictionary<string, QueueSettings>? settings = null) =>
        new(_directory.Path) { Queues = settings ?? new Dictionary<string, QueueSettings>() };

    public async Task<SqliteMessageQueue> OpenAsync(IReadOnlyDictionary<string, QueueSettings>? settings = null)
    {
        var queue = new SqliteMessageQueue(Options(settings), Clock);
        _queues.Add(queue);
        await queue.InitializeAsync(CancellationToken.None);
        return queue;
    }

    public void Dispose()
    {
        foreach (var queue in _queues)
        {
            queue.Dispose();
        }

        _directory.Dispose();
    }
}
