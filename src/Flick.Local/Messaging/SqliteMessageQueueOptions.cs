namespace Flick.Local.Messaging;

/// <summary>Where the queue database lives and the redrive policy of each queue.</summary>
/// <param name="DataDirectory">The runtime's data folder; the queues live in <c>queues.db</c> inside it.</param>
public sealed record SqliteMessageQueueOptions(string DataDirectory)
{
    public const string DatabaseFileName = "queues.db";

    /// <summary>Per-queue settings, by queue name; a queue not listed uses <see cref="Default"/>.</summary>
    public IReadOnlyDictionary<string, QueueSettings> Queues { get; init; } = new Dictionary<string, QueueSettings>();

    public QueueSettings Default { get; init; } = new();

    public string DatabasePath => Path.Combine(DataDirectory, DatabaseFileName);

    public QueueSettings For(string queue) => Queues.TryGetValue(queue, out var settings) ? settings : Default;
}
