using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;

namespace Flick.Aws.Tables;

/// <summary>
/// The layout of the viewers table (see the README of this folder): partition keys, the minute
/// attributes of hour items, and the encoding of one minute's entry.
/// </summary>
internal static class ViewerItems
{
    public const int MinutesPerHour = 60;
    public const string Lock = "lock";
    public const string Counter = "counter";

    private static readonly string[] MinuteNames =
        [.. Enumerable.Range(0, MinutesPerHour).Select(m => "m" + m.ToString("D2", CultureInfo.InvariantCulture))];

    /// <summary>A channel's minutes of one UTC hour: items keyed by user id in one of the hour's shards.</summary>
    public static string ChannelHour(string seriesId, Slot hour, int shard) => Attr.Invariant($"{seriesId}#c#{hour}#{shard:D2}");

    /// <summary>A game's minutes of one UTC hour: items keyed by game id in one of the hour's shards.</summary>
    public static string GameHour(string seriesId, Slot hour, int shard) => Attr.Invariant($"{seriesId}#g#{hour}#{shard:D2}");

    /// <summary>A slot's members (which channels and games may have an entry at that minute) and its write lease.</summary>
    public static string SlotPartition(string seriesId, Slot slot) => Attr.Invariant($"{seriesId}#s#{slot}");

    public static string ChannelMembers(int shard) => Attr.Invariant($"c#{shard:D2}");

    public static string GameMembers(int shard) => Attr.Invariant($"g#{shard:D2}");

    /// <summary>One item per sampled slot (sort key: the slot), with the totals and the data version.</summary>
    public static string Totals(string seriesId) => seriesId + "#t";

    /// <summary>The series' data version counter.</summary>
    public static string Version(string seriesId) => seriesId + "#v";

    public static string MinuteName(Slot slot) => MinuteNames[MinuteOfHour(slot)];

    public static Slot HourOf(Slot slot) => slot.AddMinutes(-MinuteOfHour(slot));

    /// <summary>The UTC hours that [from, to) touches, each as its first slot.</summary>
    public static IEnumerable<Slot> Hours(Slot from, Slot to)
    {
        for (var hour = HourOf(from); hour < to; hour = hour.AddMinutes(MinutesPerHour))
        {
            yield return hour;
        }
    }

    /// <summary>The slots of <paramref name="hour"/> inside [from, to).</summary>
    public static IEnumerable<Slot> SlotsIn(Slot hour, Slot from, Slot to)
    {
        var first = hour > from ? hour : from;
        var end = hour.AddMinutes(MinutesPerHour) < to ? hour.AddMinutes(MinutesPerHour) : to;
        for (var slot = first; slot < end; slot = slot.AddMinutes(1))
        {
            yield return slot;
        }
    }

    public static AttributeValue ChannelEntry(ChannelSlotMetric channel)
    {
        var entry = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            ["v"] = Attr.N(channel.Viewers),
            ["g"] = Attr.S(channel.GameId),
            ["s"] = Attr.S(channel.StreamId),
        };
        if (channel.StartedAt is { } started)
        {
            entry["t"] = Attr.N(started.UtcTicks);
        }

        return Attr.M(entry);
    }

    public static ChannelSlotMetric ReadChannel(Slot slot, string userId, AttributeValue value)
    {
        var entry = value.M ?? throw new InvalidDataException("a channel minute entry is not a map");
        var started = entry.GetOptionalN("t") is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : (DateTimeOffset?)null;
        return new ChannelSlotMetric(slot, userId, entry.GetS("g"), entry.GetInt("v"), entry.GetS("s"), started);
    }

    public static AttributeValue GameEntry(GameSlotMetric game) => Attr.M(new()
    {
        ["v"] = Attr.N(game.Viewers),
        ["c"] = Attr.N(game.Channels),
        ["n"] = Attr.S(game.GameName),
    });

    public static GameSlotMetric ReadGame(Slot slot, string gameId, AttributeValue value)
    {
        var entry = value.M ?? throw new InvalidDataException("a game minute entry is not a map");
        return new GameSlotMetric(slot, gameId, entry.GetS("n"), entry.GetN("v"), entry.GetInt("c"));
    }

    private static int MinuteOfHour(Slot slot) => (int)(((slot.UnixMinute % MinutesPerHour) + MinutesPerHour) % MinutesPerHour);
}
