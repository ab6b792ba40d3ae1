using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Flick.Core.Domain;

namespace Flick.Pipeline.Layout;

/// <summary>
/// Where every layer puts its objects. Keys are deterministic in what they hold, so a retried or
/// redelivered step writes the same keys with the same content.
/// </summary>
public static class StorageLayout
{
    public const string PullsPrefix = "pulls/";
    public const string UploadsPrefix = "uploads/";
    public const string PullManifestName = "manifest.json";
    public const string SlotsPrefix = "slots/";
    public const string ManifestsPrefix = "manifests/";
    public const string QuarantinePrefix = "quarantine/";

    // Bronze (raw bucket)
    public static string PullFolder(string source, string pullId, DateTimeOffset at) =>
        $"{PullsPrefix}{source}/{at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{pullId}/";

    public static string PullPage(string folder, int page) => $"{folder}page-{page.ToString("D4", CultureInfo.InvariantCulture)}.json";

    public static string PullManifest(string folder) => folder + PullManifestName;

    public static bool IsPullManifest(string key) => key.StartsWith(PullsPrefix, StringComparison.Ordinal) && key.EndsWith("/" + PullManifestName, StringComparison.Ordinal);

    /// <summary>Pull ids are the source and the minute: pulling the same minute again overwrites the same keys.</summary>
    public static string PullId(string source, DateTimeOffset at) =>
        $"{source}-{Slot.Of(at).Start.ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture)}";

    // Silver (series bucket)
    public static string SlotFolder(SeriesId series, Slot slot) => $"{SlotsPrefix}{series}/{slot.ToKey()}/";

    public static string SlotPart(SeriesId series, Slot slot, string partId) => $"{SlotFolder(series, slot)}{partId}.json";

    public static string SeriesSlotsPrefix(SeriesId series) => $"{SlotsPrefix}{series}/";

    public static string RunManifest(SeriesId series, string runId) => $"{ManifestsPrefix}{series}/{runId}.json";

    public static string Quarantine(string series, string partId) => $"{QuarantinePrefix}{series}/{partId}.ndjson";

    /// <summary>
    /// A part id names what a raw object contributed to a slot. It depends on the object's key only,
    /// so a raw object written again (a minute pulled again) replaces its parts instead of adding to them.
    /// </summary>
    public static string PartId(string bucket, string key) => Hash($"{bucket}\n{key}", 16);

    /// <summary>
    /// Run ids fit Step Functions execution names (at most 80 characters of [A-Za-z0-9-_]):
    /// the series (cut to 40), the first slot, and a hash of what the run covers.
    /// </summary>
    public static string RunId(SeriesId series, Slot firstSlot, string coverage)
    {
        var name = series.Value.Length > 40 ? series.Value[..40] : series.Value;
        return $"{name}-{firstSlot.Start.ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture)}-{Hash(series.Value + "\n" + coverage, 10)}";
    }

    // Gold (clean bucket), Hive-partitioned by series and date
    public static string Gold(string table, SeriesId series, Slot slot, string file) =>
        $"{table}/series={series}/date={slot.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{file}.parquet";

    public static string GoldSlot(string table, SeriesId series, Slot slot) => Gold(table, series, slot, slot.ToKey());

    public static string Hash(string text, int hexChars) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..hexChars];
}
