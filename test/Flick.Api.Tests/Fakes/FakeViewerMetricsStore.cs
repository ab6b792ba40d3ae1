using System.Runtime.CompilerServices;
using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;
using Flick.Core.Ports;

namespace Flick.Api.Tests.Fakes;

/// <summary>Per-slot rows in memory, counting every read so that tests can tell a cache hit from a store read.</summary>
public sealed class FakeViewerMetricsStore : IViewerMetricsStore
{
    private readonly Lock _lock = new();
    private List<ChannelSlotMetric> _channels = [];
    private List<GameSlotMetric> _games = [];
    private List<SlotTotals> _totals = [];
    private long _version;
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    /// <summary>Delays every read, to widen the window in which concurrent misses overlap.</summary>
    public TimeSpan ReadDelay { get; set; }

    public void Load(IEnumerable<ChannelSlotMetric> channels, IEnumerable<GameSlotMetric> games, IEnumerable<SlotTotals> totals)
    {
        lock (_lock)
        {
            (_channels, _games, _totals) = (channels.ToList(), games.ToList(), totals.ToList());
            _version++;
        }
    }

    public Task WriteSlotAsync(string seriesId, SlotViewers viewers, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<long> ReadVersionAsync(string seriesId, Slot from, Slot to, CancellationToken cancellationToken) => Task.FromResult(_version);

    public async IAsyncEnumerable<ChannelSlotMetric> ReadChannelSlotsAsync(string seriesId, Slot from, Slot to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var row in await ReadAsync(() => _channels.Where(r => r.Slot >= from && r.Slot < to).OrderBy(r => r.Slot).ToList()))
        {
            yield return row;
        }
    }

    public async Task<IReadOnlyList<ChannelSlotMetric>> ReadChannelAsync(string seriesId, string userId, Slot from, Slot to, CancellationToken cancellationToken) =>
        await ReadAsync(() => _channels.Where(r => r.UserId == userId && r.Slot >= from && r.Slot < to).OrderBy(r => r.Slot).ToList());

    public async Task<IReadOnlyList<GameSlotMetric>> ReadGamesAsync(string seriesId, Slot from, Slot to, CancellationToken cancellationToken) =>
        await ReadAsync(() => _games.Where(r => r.Slot >= from && r.Slot < to).OrderBy(r => r.Slot).ToList());

    public async Task<IReadOnlyList<GameSlotMetric>> ReadGameAsync(string seriesId, string gameId, Slot from, Slot to, CancellationToken cancellationToken) =>
        await ReadAsync(() => _games.Where(r => r.GameId == gameId && r.Slot >= from && r.Slot < to).OrderBy(r => r.Slot).ToList());

    public async Task<IReadOnlyList<SlotTotals>> ReadTotalsAsync(string seriesId, Slot from, Slot to, CancellationToken cancellationToken) =>
        await ReadAsync(() => _totals.Where(r => r.Slot >= from && r.Slot < to).OrderBy(r => r.Slot).ToList());

    private async Task<List<T>> ReadAsync<T>(Func<List<T>> read)
    {
        Interlocked.Increment(ref _reads);
        if (ReadDelay > TimeSpan.Zero)
        {
            await Task.Delay(ReadDelay);
        }

        lock (_lock)
        {
            return read();
        }
    }
}
