using System.Text.Json;
using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;
using Flick.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Flick.Local.Tests.EndToEnd;

/// <summary>
/// The gold output of a run read through the ports, the same calls whatever adapters are behind them, as
/// sorted JSON lines per kind, so that two compositions can be compared for equality.
/// </summary>
internal static class PortGold
{
    public const string Series = "sim";

    public static async Task<Dictionary<string, List<string>>> ReadAsync(IServiceProvider services, Slot from, Slot to, CancellationToken ct)
    {
        var viewers = services.GetRequiredService<IViewerMetricsStore>();
        var rankings = services.GetRequiredService<IRankingStore>();
        var profiles = services.GetRequiredService<IChannelProfileStore>();
        var rollups = services.GetRequiredService<IWindowRollupStore>();
        var gold = new Dictionary<string, List<string>>(StringComparer.Ordinal)
        {
            ["ports:totals"] = Lines(await viewers.ReadTotalsAsync(Series, from, to, ct)),
            ["ports:games"] = Lines(await viewers.ReadGamesAsync(Series, from, to, ct)),
        };

        var channels = new List<ChannelSlotMetric>();
        await foreach (var row in viewers.ReadChannelSlotsAsync(Series, from, to, ct))
        {
            channels.Add(row);
        }

        gold["ports:channels"] = Lines(channels);
        var ranked = new List<SlotRankings>();
        for (var slot = from; slot <= to; slot = slot.AddMinutes(1))
        {
            if (await rankings.ReadSlotAsync(Series, slot, ct) is { } slotRankings)
            {
                ranked.Add(slotRankings);
            }
        }

        gold["ports:rankings"] = Lines(ranked);
        var channelProfiles = new List<ChannelProfile>();
        foreach (var userId in channels.Select(c => c.UserId).Distinct())
        {
            if (await profiles.GetAsync(Series, userId, ct) is { } profile)
            {
                channelProfiles.Add(profile);
            }
        }

        gold["ports:profiles"] = Lines(channelProfiles);
        var windows = new List<WindowMetrics>();
        var firstHour = from.Start.AddMinutes(-from.Start.Minute);
        for (var hour = firstHour; hour < to.Start.AddHours(1); hour = hour.AddHours(1))
        {
            if (await rollups.ReadAsync(Series, hour, hour.AddHours(1), ct) is { } window)
            {
                windows.Add(window);
            }
        }

        gold["ports:rollups"] = Lines(windows);
        return gold;
    }

    private static List<string> Lines<T>(IEnumerable<T> values)
    {
        var lines = values.Select(v => JsonSerializer.Serialize(v)).ToList();
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
