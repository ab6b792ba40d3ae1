using System.Collections.Concurrent;
using Flick.Core.Domain.Pulls;
using Flick.Core.Ports;

namespace Flick.Testing;

public sealed class InMemoryPullLog : IPullLog
{
    private readonly ConcurrentDictionary<string, PullRecord> _records = new(StringComparer.Ordinal);

    public Task PutAsync(PullRecord record, CancellationToken cancellationToken)
    {
        _records[record.PullId] = record;
        return Task.CompletedTask;
    }

    public Task<PullRecord?> GetAsync(string pullId, CancellationToken cancellationToken) =>
        Task.FromResult(_records.TryGetValue(pullId, out var record) ? record : null);

    public Task<IReadOnlyList<PullRecord>> ListAsync(string source, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PullRecord>>(_records.Values.Where(r => r.Source == source).OrderByDescending(r => r.StartedAt).Take(limit).ToList());
}
