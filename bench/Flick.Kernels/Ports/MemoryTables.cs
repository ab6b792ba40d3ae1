using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;
using Flick.Core.Domain.Runs;
using Flick.Core.Ports;
using Flick.Core.Semantics;

namespace Flick.Kernels.Ports;

/// <summary>
/// The clean tables in memory, replacing a slot's rows whole as the real adapters do, so that a
/// kernel measures the step's computation and not a database.
/// </summary>
public sealed class MemoryTables : IViewerMetricsStore, IRankingStore, IChannelProfileStore, IRunStore
{
    private readonly ConcurrentDictionary<(string Series, Slot Slot), (SlotViewers Viewers, long Version)> _viewers = new();
    private readonly ConcurrentDictionary<(string Series, Slot Slot), SlotRankings> _rankings = new();
    private readonly ConcurrentDictionary<(string Series, string User), ChannelProfile> _profiles = new();
    private readonly ConcurrentDictionary<string, RunRecord> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Run, Slot Slot, string Step), bool> _done = new();
    private long _version;

    public Task WriteSlotAsync(string seriesId, SlotViewers viewers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewers);
        _viewers[(seriesId, viewers.Slot)] = (viewers, Interlocked.Increment(ref _version));
        return Task.CompletedTask;
    }

    public Task<long> ReadVersionAsync(string seriesId, Slot from, Slot to, CancellationToken cancellationToken) =>
        Task.FromResult(InRange(seriesId, from, to).Select(v => v.Version).DefaultIfEmpty(0).Max());

    public async IAsyncEnumerable<ChannelSlotMetric> ReadChannelSlotsAsync(string seriesId, Slot from, Slot to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var row in InRange(seriesId, from, to).SelectMany(v => v.Viewers.Channels))
        {
            yield return row;
        }
    }

    public Task<IReadOnlyList<ChannelSlotMetric>> ReadChannelAsync(string seriesId, string userId, Slot from, Slot to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChannelSlotMetric>>(InRange(seriesId, from, to).SelectMany(v => v.Viewers.Channels).Where(c => c.UserId == userId).ToList());

    public Task<IReadOnlyList<GameSlotMetric>> ReadGamesAsync(string seriesId, Slot from, Slot to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GameSlotMetric>>(InRange(seriesId, from, to).SelectMany(v => v.Viewers.Games).ToList());

    public Task<IReadOnlyList<GameSlotMetric>> ReadGameAsync(string seriesId, string gameId, Slot from, Slot to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GameSlotMetric>>(InRange(seriesId, from, to).SelectMany(v => v.Viewers.Games).Where(g => g.GameId == gameId).ToList());

    public Task<IReadOnlyList<SlotTotals>> ReadTotalsAsync(string seriesId, Slot from, Slot to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SlotTotals>>(InRange(seriesId, from, to).Select(v => v.Viewers.Totals).ToList());

    public Task WriteSlotAsync(string seriesId, SlotRankings rankings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rankings);
        _rankings[(seriesId, rankings.Slot)] = rankings;
        return Task.CompletedTask;
    }

    public Task<SlotRankings?> ReadSlotAsync(string seriesId, Slot slot, CancellationToken cancellationToken) =>
        Task.FromResult(_rankings.GetValueOrDefault((seriesId, slot)));

    public Task MergeAsync(string seriesId, IReadOnlyList<ChannelProfile> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        foreach (var update in updates)
        {
            _profiles.AddOrUpdate((seriesId, update.UserId), update, (_, existing) => ProfileMerge.Merge(existing, update));
        }

        return Task.CompletedTask;
    }

    public Task<ChannelProfile?> GetAsync(string seriesId, string userId, CancellationToken cancellationToken) =>
        Task.FromResult(_profiles.GetValueOrDefault((seriesId, userId)));

    public Task<IReadOnlyList<ChannelProfile>> SearchAsync(string seriesId, string text, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChannelProfile>>(_profiles
            .Where(kv => kv.Key.Series == seriesId && kv.Value.UserLogin.Contains(text, StringComparison.OrdinalIgnoreCase))
            .Select(kv => kv.Value)
            .OrderByDescending(p => p.PeakViewers)
            .Take(limit)
            .ToList());

    public Task PutAsync(RunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        _runs[run.RunId] = run;
        return Task.CompletedTask;
    }

    public Task<RunRecord?> GetAsync(string runId, CancellationToken cancellationToken) => Task.FromResult(_runs.GetValueOrDefault(runId));

    public Task<IReadOnlyList<RunRecord>> ListAsync(string seriesId, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RunRecord>>(_runs.Values.Where(r => r.SeriesId == seriesId).Take(limit).ToList());

    public Task<IReadOnlyList<string>> ListSeriesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(_runs.Values.Select(r => r.SeriesId).Distinct().Order(StringComparer.Ordinal).ToList());

    public Task MarkStepDoneAsync(string runId, Slot slot, string step, CancellationToken cancellationToken)
    {
        _done[(runId, slot, step)] = true;
        return Task.CompletedTask;
    }

    public Task<int> CountSlotsDoneAsync(string runId, IReadOnlyCollection<string> steps, CancellationToken cancellationToken) =>
        Task.FromResult(_done.Keys.Where(k => k.Run == runId).GroupBy(k => k.Slot).Count(g => steps.All(s => g.Any(k => k.Step == s))));

    private IEnumerable<(SlotViewers Viewers, long Version)> InRange(string seriesId, Slot from, Slot to) =>
        _viewers.Where(kv => kv.Key.Series == seriesId && kv.Key.Slot >= from && kv.Key.Slot < to).OrderBy(kv => kv.Key.Slot).Select(kv => kv.Value);
}
