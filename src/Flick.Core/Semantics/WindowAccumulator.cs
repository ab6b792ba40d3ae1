using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;

namespace Flick.Core.Semantics;

/// <summary>
/// Window figures over [from, to) (DESIGN §3), built from per-slot channel rows in one pass. Memory
/// is one accumulator per channel, per game and per slot — not per row. Rows and sampled slots
/// outside the window are ignored; a minute with no sample contributes nothing.
/// </summary>
public sealed class WindowAccumulator
{
    private readonly Slot _from;
    private readonly Slot _to;
    private readonly DateTimeOffset _fromTime;
    private readonly DateTimeOffset _toTime;
    private readonly Dictionary<string, Figures> _channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Figures> _games = new(StringComparer.Ordinal);
    private readonly Dictionary<(long Slot, string Game), long> _gameSlots = [];
    private readonly Dictionary<long, long> _totalSlots = [];
    private readonly HashSet<long> _sampled = [];
    private readonly HashSet<string> _streams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _gameNames = new(StringComparer.Ordinal);

    public WindowAccumulator(Slot from, Slot to)
    {
        if (to <= from)
        {
            throw new ArgumentException($"window end {to} must be after its start {from}", nameof(to));
        }

        (_from, _to) = (from, to);
        (_fromTime, _toTime) = (from.Start, to.Start);
    }

    /// <summary>Marks a slot as sampled (it had a sample, with or without streams).</summary>
    public void AddSampled(Slot slot)
    {
        if (InWindow(slot))
        {
            _sampled.Add(slot.UnixMinute);
        }
    }

    public void AddGameName(string gameId, string gameName)
    {
        if (!string.IsNullOrEmpty(gameId) && !string.IsNullOrEmpty(gameName))
        {
            _gameNames[gameId] = gameName;
        }
    }

    public void Add(ChannelSlotMetric row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!InWindow(row.Slot))
        {
            return;
        }

        _sampled.Add(row.Slot.UnixMinute);
        var startedInWindow = row.StartedAt is { } started && started >= _fromTime && started < _toTime && row.StreamId.Length > 0;

        Get(_channels, row.UserId).AddSlot(row.Slot, row.Viewers, startedInWindow ? row.StreamId : null);
        _totalSlots[row.Slot.UnixMinute] = _totalSlots.GetValueOrDefault(row.Slot.UnixMinute) + row.Viewers;
        if (startedInWindow)
        {
            _streams.Add(row.StreamId);
        }

        if (row.GameId.Length > 0)
        {
            var key = (row.Slot.UnixMinute, row.GameId);
            _gameSlots[key] = _gameSlots.GetValueOrDefault(key) + row.Viewers;
            var game = Get(_games, row.GameId);
            if (startedInWindow)
            {
                game.AddStream(row.StreamId);
            }
        }
    }

    /// <summary>
    /// Adds what <paramref name="other"/> accumulated over the same window, as if its rows had been
    /// added here: parts of a window read side by side (each its own slots) give the figures of one
    /// pass. <paramref name="other"/> is not used afterwards.
    /// </summary>
    public void Merge(WindowAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._from != _from || other._to != _to)
        {
            throw new ArgumentException($"window [{other._from}, {other._to}) is not [{_from}, {_to})", nameof(other));
        }

        MergeFigures(_channels, other._channels);
        MergeFigures(_games, other._games);
        foreach (var (key, viewers) in other._gameSlots)
        {
            _gameSlots[key] = _gameSlots.GetValueOrDefault(key) + viewers;
        }

        foreach (var (slot, viewers) in other._totalSlots)
        {
            _totalSlots[slot] = _totalSlots.GetValueOrDefault(slot) + viewers;
        }

        _sampled.UnionWith(other._sampled);
        _streams.UnionWith(other._streams);
        foreach (var (gameId, gameName) in other._gameNames)
        {
            _gameNames[gameId] = gameName;
        }
    }

    public WindowMetrics Build(Func<string, string>? channelName = null)
    {
        var sampledMinutes = _sampled.Count;

        foreach (var ((slot, gameId), viewers) in _gameSlots)
        {
            _games[gameId].AddSlot(Slot.FromUnixMinute(slot), viewers, null);
        }

        var total = new Figures();
        foreach (var (slot, viewers) in _totalSlots)
        {
            total.AddSlot(Slot.FromUnixMinute(slot), viewers, null);
        }

        foreach (var slot in _sampled.Where(s => !_totalSlots.ContainsKey(s)))
        {
            total.AddSlot(Slot.FromUnixMinute(slot), 0, null);
        }

        var channels = Rank(_channels.Select(kv => kv.Value.ToFigures(kv.Key, channelName?.Invoke(kv.Key) ?? string.Empty, kv.Value.Minutes)));
        var games = Rank(_games.Select(kv => kv.Value.ToFigures(kv.Key, _gameNames.GetValueOrDefault(kv.Key, string.Empty), sampledMinutes)));
        var totalFigures = total.ToFigures(string.Empty, string.Empty, sampledMinutes) with { StreamCount = _streams.Count };

        return new WindowMetrics(_fromTime, _toTime, sampledMinutes, totalFigures, channels, games);
    }

    /// <summary>Window rankings: viewer-minutes desc, then peak desc, then id ascending (ordinal).</summary>
    public static IReadOnlyList<WindowFigures> Rank(IEnumerable<WindowFigures> figures) =>
        figures
            .OrderByDescending(f => f.ViewerMinutes)
            .ThenByDescending(f => f.PeakViewers)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();

    private bool InWindow(Slot slot) => slot >= _from && slot < _to;

    private static Figures Get(Dictionary<string, Figures> map, string id)
    {
        if (!map.TryGetValue(id, out var figures))
        {
            figures = new Figures();
            map[id] = figures;
        }

        return figures;
    }

    private static void MergeFigures(Dictionary<string, Figures> into, Dictionary<string, Figures> from)
    {
        foreach (var (id, figures) in from)
        {
            if (into.TryGetValue(id, out var existing))
            {
                existing.Merge(figures);
            }
            else
            {
                into[id] = figures;
            }
        }
    }

    private sealed class Figures
    {
        private HashSet<string>? _streams;

        public long ViewerMinutes { get; private set; }
        public int Minutes { get; private set; }
        public long Peak { get; private set; } = -1;
        public Slot PeakSlot { get; private set; }

        public void AddSlot(Slot slot, long viewers, string? startedStream)
        {
            ViewerMinutes += viewers;
            Minutes++;
            if (viewers > Peak || (viewers == Peak && slot < PeakSlot))
            {
                (Peak, PeakSlot) = (viewers, slot);
            }

            if (startedStream is not null)
            {
                AddStream(startedStream);
            }
        }

        /// <summary>The figures of other slots of the same id: sums add, the peak is the larger (the earlier slot on a tie).</summary>
        public void Merge(Figures other)
        {
            ViewerMinutes += other.ViewerMinutes;
            Minutes += other.Minutes;
            if (other.Peak > Peak || (other.Peak == Peak && other.PeakSlot < PeakSlot))
            {
                (Peak, PeakSlot) = (other.Peak, other.PeakSlot);
            }

            if (other._streams is not null)
            {
                (_streams ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(other._streams);
            }
        }

        public void AddStream(string streamId) => (_streams ??= new HashSet<string>(StringComparer.Ordinal)).Add(streamId);

        public WindowFigures ToFigures(string id, string name, int minutes) =>
            new(id, name, ViewerMinutes, minutes, Math.Max(Peak, 0), PeakSlot, _streams?.Count ?? 0);
    }
}
