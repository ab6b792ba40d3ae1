using System.Collections.Concurrent;

namespace Flick.Local.Simulator;

/// <summary>
/// Keeps the filtered snapshots that pulls are paging through, so that a thousand pages of one
/// minute compute the world once.
/// </summary>
internal sealed class SnapshotCache(SimulatedWorld world)
{
    private const int MaxEntries = 16;

    private readonly ConcurrentDictionary<(long Minute, string Filters), IReadOnlyList<SimulatedStream>> _entries = new();

    public IReadOnlyList<SimulatedStream> Get(long minuteUnixSeconds, StreamsQuery query)
    {
        var key = (minuteUnixSeconds, query.Filters);
        if (_entries.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        var snapshot = world.Snapshot(DateTimeOffset.FromUnixTimeSeconds(minuteUnixSeconds));
        IReadOnlyList<SimulatedStream> filtered = query.Languages.Count == 0 && query.GameIds.Count == 0
            ? snapshot
            : snapshot.Where(query.Matches).ToList();
        return _entries.GetOrAdd(key, filtered);
    }
}
