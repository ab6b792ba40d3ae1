using System.Text;
using Amazon.DynamoDBv2.Model;
using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;

namespace Flick.Aws.Tables;

/// <summary>
/// The items of a window roll-up. Figures are stored as maps with short names; the derived figures
/// (hours watched, averages) are recomputed on read.
/// </summary>
internal static class RollupItems
{
    public const string Head = "head";
    public const string ChannelKind = "c";
    public const string GameKind = "g";

    /// <summary>Figures per part: 500 typical figures take about 50 KB, far under the 400 KB item limit.</summary>
    public const int MaxFiguresPerPart = 500;

    /// <summary>A bound on a part's size however long the names are (an estimate with margin, not the exact DynamoDB size).</summary>
    public const int MaxPartBytes = 256 * 1024;

    public static string Partition(string seriesId, DateTimeOffset from, DateTimeOffset to) =>
        seriesId + "#" + Attr.Text(from) + "#" + Attr.Text(to);

    /// <summary>The first sort key any part can have (every part key starts with it; <c>head</c> sorts before it).</summary>
    public const string PartsStart = "part#";

    /// <summary>
    /// Parts of one write share its data version and its id, so a reader never mixes two writes. The version
    /// comes first, zero-padded to the width of the largest long, so parts sort by version: the parts of every
    /// version below v are one key range (<see cref="PartsBelow"/>).
    /// </summary>
    public static string PartKey(long dataVersion, string writeId, string kind, int index) =>
        Attr.Invariant($"{PartsStart}{dataVersion:D19}#{writeId}#{kind}#{index:D5}");

    public static string PartPrefix(long dataVersion, string writeId) => Attr.Invariant($"{PartsStart}{dataVersion:D19}#{writeId}#");

    /// <summary>
    /// The inclusive upper end of the key range of the parts of every version below <paramref name="dataVersion"/>:
    /// a key of version v &lt; dataVersion differs from it at a smaller digit, and a key of dataVersion itself
    /// is longer than it and so sorts after it.
    /// </summary>
    public static string PartsBelow(long dataVersion) => Attr.Invariant($"{PartsStart}{dataVersion:D19}");

    public static AttributeValue ToValue(WindowFigures f) => Attr.M(new()
    {
        ["i"] = Attr.S(f.Id),
        ["n"] = Attr.S(f.Name),
        ["vm"] = Attr.N(f.ViewerMinutes),
        ["m"] = Attr.N(f.Minutes),
        ["pv"] = Attr.N(f.PeakViewers),
        ["ps"] = Attr.N(f.PeakSlot.UnixMinute),
        ["sc"] = Attr.N(f.StreamCount),
    });

    public static WindowFigures FromValue(AttributeValue value)
    {
        var m = value.M ?? throw new InvalidDataException("a roll-up figure is not a map");
        return new WindowFigures(m.GetS("i"), m.GetS("n"), m.GetN("vm"), m.GetInt("m"), m.GetN("pv"), Slot.FromUnixMinute(m.GetN("ps")), m.GetInt("sc"));
    }

    /// <summary>Cuts the figures into parts of at most <see cref="MaxFiguresPerPart"/> figures and about <see cref="MaxPartBytes"/>.</summary>
    public static List<List<AttributeValue>> Parts(IReadOnlyList<WindowFigures> figures)
    {
        var parts = new List<List<AttributeValue>>();
        List<AttributeValue>? part = null;
        var bytes = 0;
        foreach (var figure in figures)
        {
            // Seven attribute names, five numbers of up to 21 bytes and the map's own overhead.
            var size = Encoding.UTF8.GetByteCount(figure.Id) + Encoding.UTF8.GetByteCount(figure.Name) + 128;
            if (part is null || part.Count == MaxFiguresPerPart || bytes + size > MaxPartBytes)
            {
                part = [];
                parts.Add(part);
                bytes = 0;
            }

            part.Add(ToValue(figure));
            bytes += size;
        }

        return parts;
    }
}
