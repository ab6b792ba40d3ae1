using System.Text.Encodings.Web;
using System.Text.Json;
using Flick.Core.Domain;

namespace Flick.Core.Parsing;

/// <summary>
/// Writes the silver form of a series: a series document (DESIGN §3, format 2) that
/// <see cref="RawInputParser"/> reads back into equal observations.
/// </summary>
public static class SeriesDocumentWriter
{
    private const int FlushThresholdBytes = 64 * 1024;

    // Property names that decide the format when a document is sniffed, so metadata may not use them.
    private static readonly HashSet<string> ReservedNames = new(StringComparer.Ordinal)
    {
        "series", "samples", "data", "pagination", "at", "streams",
    };

    // Titles and names are mostly non-ASCII in many languages; escaping them all as \uXXXX would
    // bloat the files. These documents are data, never embedded in HTML, so relaxed escaping is safe.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Writes <c>{"series":…, metadata…, "samples":[{"at":…,"streams":[…]}…]}</c>: the metadata as
    /// string properties in ordinal key order, then one sample per distinct <see cref="Observation.At"/>
    /// in time order, its streams in the order given.
    /// </summary>
    /// <exception cref="ArgumentException">The series id is invalid, or a metadata key is one the format reserves.</exception>
    public static async Task WriteAsync(
        Stream output,
        SeriesId series,
        IReadOnlyList<Observation> observations,
        IReadOnlyDictionary<string, string>? metadata,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(observations);
        if (!SeriesId.IsValid(series.Value))
        {
            throw new ArgumentException(SeriesId.DescribeInvalid(series.Value), nameof(series));
        }

        var metadataEntries = SortedMetadata(metadata);
        var ordered = observations.Select((observation, index) => (observation, index))
            .OrderBy(entry => entry.observation.At.UtcTicks)
            .ThenBy(entry => entry.index)
            .Select(entry => entry.observation);

        var writer = new Utf8JsonWriter(output, WriterOptions);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writer.WriteString("series"u8, series.Value);
            foreach (var (key, value) in metadataEntries)
            {
                writer.WriteString(key, value);
            }

            writer.WriteStartArray("samples"u8);
            long? currentAt = null;
            foreach (var observation in ordered)
            {
                if (currentAt != observation.At.UtcTicks)
                {
                    if (currentAt is not null)
                    {
                        writer.WriteEndArray();
                        writer.WriteEndObject();
                    }

                    currentAt = observation.At.UtcTicks;
                    writer.WriteStartObject();
                    Rfc3339.Write(writer, "at"u8, observation.At);
                    writer.WriteStartArray("streams"u8);
                }

                WriteStream(writer, observation);
                if (writer.BytesPending > FlushThresholdBytes)
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            if (currentAt is not null)
            {
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static List<KeyValuePair<string, string>> SortedMetadata(IReadOnlyDictionary<string, string>? metadata)
    {
        var entries = metadata?.OrderBy(entry => entry.Key, StringComparer.Ordinal).ToList() ?? [];
        foreach (var (key, value) in entries)
        {
            if (ReservedNames.Contains(key))
            {
                throw new ArgumentException($"metadata key '{key}' is reserved by the series document format", nameof(metadata));
            }

            ArgumentNullException.ThrowIfNull(value, nameof(metadata));
        }

        return entries;
    }

    private static void WriteStream(Utf8JsonWriter writer, Observation observation)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, observation.StreamId);
        writer.WriteString("user_id"u8, observation.UserId);
        writer.WriteString("user_login"u8, observation.UserLogin);
        writer.WriteString("user_name"u8, observation.UserName);
        writer.WriteString("game_id"u8, observation.GameId);
        writer.WriteString("game_name"u8, observation.GameName);
        writer.WriteString("type"u8, MetricConstants.LiveType);
        writer.WriteString("title"u8, observation.Title);
        writer.WriteNumber("viewer_count"u8, observation.ViewerCount);
        if (observation.StartedAt is { } startedAt)
        {
            Rfc3339.Write(writer, "started_at"u8, startedAt);
        }

        writer.WriteString("language"u8, observation.Language);
        writer.WriteBoolean("is_mature"u8, observation.IsMature);
        writer.WriteEndObject();
    }
}
