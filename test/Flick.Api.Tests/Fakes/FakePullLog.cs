using System.Collections.Concurrent;
using Flick.Core.Domain.Pulls;
using Flick.Core.Ports;

namespace Flick.Api.Tests.Fakes;

public sealed class FakePullLog : IPullLog
{
    public ConcurrentDictionary<string, PullRecord> Records { get; } = new(StringComparer.Ordinal);

    public Task PutAsync(PullRecord record, CancellationToken cancellationToken)
    {
        Records[record.PullId] = record;
        return Task.CompletedTask;
    }

    public Task<PullRecord?> GetAsync(string pullId, CancellationToken cancellationToken) => Task.FromResult(Records.GetValueOrDefault(pullId));

    public Task<IReadOnlyList<PullRecord>> ListAsync(string source, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PullRecord>>(Records.Values.Where(r => r.Source == source).OrderByDescending(r => r.At).Take(limit).ToList());
}
