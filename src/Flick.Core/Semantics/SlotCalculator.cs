using System.Runtime.InteropServices;
using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;

namespace Flick.Core.Semantics;

/// <summary>The per-slot figures of DESIGN §3, from one slot's de-duplicated observations.</summary>
public static class SlotCalculator
{
    /// <summary>Channel viewers, game sums and counts (categorised only), and totals over all.</summary>
    public static SlotViewers Viewers(Slot slot, IReadOnlyCollection<Observation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);

        var channels = new List<ChannelSlotMetric>(observations.Count);
        var games = new Dictionary<string, GameAccumulator>(StringComparer.Ordinal);
        long total = 0;
        foreach (var o in observations)
        {
            channels.Add(new ChannelSlotMetric(slot, o.UserId, o.GameId, o.ViewerCount, o.StreamId, o.StartedAt));
            total += o.ViewerCount;
            if (!o.IsCategorised)
            {
                continue;
            }

            if (!games.TryGetValue(o.GameId, out var game))
            {
                game = new GameAccumulator();
                games[o.GameId] = game;
            }

            game.Add(o);
        }

        UserIdOrder.Ensure(CollectionsMarshal.AsSpan(channels), static c => c.UserId);

        var gameRows = games
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GameSlotMetric(slot, g.Key, g.Value.Name, g.Value.Viewers, g.Value.Channels))
            .ToList();

        return new SlotViewers(slot, channels, gameRows, new SlotTotals(slot, total, channels.Count, gameRows.Count));
    }

    /// <summary>
    /// Channel ranking: viewers desc, then user id ascending (ordinal). Game ranking: viewers desc,
    /// then channels desc, then game id ascending. Ranks are 1-based; the top <paramref name="topN"/> are kept.
    /// </summary>
    public static SlotRankings Rankings(Slot slot, IReadOnlyCollection<Observation> observations, int topN = MetricConstants.DefaultTopN)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(topN);

        var channels = observations
            .OrderByDescending(o => o.ViewerCount)
            .ThenBy(o => o.UserId, StringComparer.Ordinal)
            .Take(topN)
            .Select((o, i) => new RankedChannel(i + 1, o.UserId, o.UserLogin, o.UserName, o.GameId, o.GameName, o.ViewerCount))
            .ToList();

        var viewers = Viewers(slot, observations);
        var games = RankGames(viewers.Games, topN);
        return new SlotRankings(slot, channels, games);
    }

    public static IReadOnlyList<RankedGame> RankGames(IEnumerable<GameSlotMetric> games, int topN) =>
        games
            .OrderByDescending(g => g.Viewers)
            .ThenByDescending(g => g.Channels)
            .ThenBy(g => g.GameId, StringComparer.Ordinal)
            .Take(topN)
            .Select((g, i) => new RankedGame(i + 1, g.GameId, g.GameName, g.Viewers, g.Channels))
            .ToList();

    /// <summary>
    /// Sums a game's channels. Its name is taken from the channel with the most viewers (then the
    /// smallest user id), so that one odd spelling does not win by arrival order.
    /// </summary>
    private sealed class GameAccumulator
    {
        private int _nameViewers = -1;
        private string _nameUser = string.Empty;

        public string Name { get; private set; } = string.Empty;
        public long Viewers { get; private set; }
        public int Channels { get; private set; }

        public void Add(Observation o)
        {
            Viewers += o.ViewerCount;
            Channels++;
            if (o.GameName.Length > 0
                && (o.ViewerCount > _nameViewers
                    || (o.ViewerCount == _nameViewers && string.CompareOrdinal(o.UserId, _nameUser) < 0)))
            {
                Name = o.GameName;
                _nameViewers = o.ViewerCount;
                _nameUser = o.UserId;
            }
        }
    }
}
