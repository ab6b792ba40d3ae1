using System.Collections.Concurrent;
using Flick.Core.Domain;
using Flick.Core.Domain.Runs;
using Flick.Core.Ports;

namespace Flick.Api.Tests.Fakes;

public sealed class FakeRunStore : IRunStore
{
    private readonly ConcurrentDictionary<string, RunRecord> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Run, Slot Slot, string Step), bool> _done = new();

    public Task PutAsync(RunRecord run, CancellationToken cancellationToken)
    {
        _runs[run.RunId] = run;
        return Task.CompletedTask;
    }

    public Task<RunRecord?> GetAsync(string runId, CancellationToken cancellationToken) => Task.FromResult(_runs.GetValueOrDefault(runId));

    public Task<IReadOnlyList<RunRecord>> ListAsync(string seriesId, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RunRecord>>(_runs.Values.Where(r => r.SeriesId == seriesId).OrderByDescending(r => r.CreatedAt).Take(limit).ToList());

    public Task<IReadOnlyList<string>> ListSeriesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(_runs.Values.Select(r => r.SeriesId).Distinct().Order(StringComparer.Ordinal).ToList());

    public Task MarkStepDoneAsync(string runId, Slot slot, string step, CancellationToken cancellationToken)
    {
        _done[(runId, slot, step)] = true;
        return Task.CompletedTask;
    }

    public Task<int> CountSlotsDoneAsync(string runId, IReadOnlyCollection<string> steps, CancellationToken cancellationToken) =>
        Task.FromResult(_done.Keys.Where(k => k.Run == runId).GroupBy(k => k.Slot).Count(g => steps.All(s => g.Any(k => k.Step == s))));
}
