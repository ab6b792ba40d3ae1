using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Flick.Local.Simulator;

/// <summary>Writes Helix bodies field by field, in Helix's order, with raw UTF-8 like the real API.</summary>
internal static class HelixJson
{
    private const int PaddingChunkChars = 64 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Error(int status, string error, string message)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("error", error);
            writer.WriteNumber("status", status);
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static async Task<byte[]> PageAsync(IReadOnlyList<SimulatedStream> streams, string? cursor, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await WritePageAsync(buffer, streams, cursor, 0, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>
    /// Writes a page to <paramref name="body"/>; <paramref name="paddingChars"/> extra characters go
    /// into the first stream's title (or a top-level field when there is none), flushed as they are
    /// written so that a huge page does not sit in memory.
    /// </summary>
    public static async Task WritePageAsync(Stream body, IReadOnlyList<SimulatedStream> streams, string? cursor, long paddingChars, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(body, WriterOptions);
        writer.WriteStartObject();
        writer.WriteStartArray("data");
        for (var i = 0; i < streams.Count; i++)
        {
            await WriteStreamAsync(writer, streams[i], i == 0 ? paddingChars : 0, cancellationToken);
        }

        writer.WriteEndArray();
        if (streams.Count == 0 && paddingChars > 0)
        {
            writer.WritePropertyName("padding");
            await WritePaddedStringAsync(writer, "", paddingChars, cancellationToken);
        }

        writer.WriteStartObject("pagination");
        if (cursor is not null)
        {
            writer.WriteString("cursor", cursor);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    private static async Task WriteStreamAsync(Utf8JsonWriter writer, SimulatedStream stream, long paddingChars, CancellationToken cancellationToken)
    {
        writer.WriteStartObject();
        writer.WriteString("id", stream.Id);
        writer.WriteString("user_id", stream.UserId);
        writer.WriteString("user_login", stream.UserLogin);
        writer.WriteString("user_name", stream.UserName);
        writer.WriteString("game_id", stream.GameId);
        writer.WriteString("game_name", stream.GameName);
        writer.WriteString("type", stream.Type);
        writer.WritePropertyName("title");
        await WritePaddedStringAsync(writer, stream.Title, paddingChars, cancellationToken);
        if (stream.Tags is null)
        {
            writer.WriteNull("tags");
        }
        else
        {
            writer.WriteStartArray("tags");
            foreach (var tag in stream.Tags)
            {
                writer.WriteStringValue(tag);
            }

            writer.WriteEndArray();
        }

        writer.WriteNumber("viewer_count", stream.ViewerCount);
        writer.WriteString("started_at", stream.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        writer.WriteString("language", stream.Language);
        writer.WriteString("thumbnail_url", stream.ThumbnailUrl);
        writer.WriteStartArray("tag_ids");
        writer.WriteEndArray();
        writer.WriteBoolean("is_mature", stream.IsMature);
        writer.WriteEndObject();
    }

    private static async Task WritePaddedStringAsync(Utf8JsonWriter writer, string value, long paddingChars, CancellationToken cancellationToken)
    {
        if (paddingChars <= 0)
        {
            writer.WriteStringValue(value);
            return;
        }

        writer.WriteStringValueSegment(value + " ", isFinalSegment: false);
        var chunk = new string('x', PaddingChunkChars);
        for (var left = paddingChars; left > 0; left -= PaddingChunkChars)
        {
            var size = (int)Math.Min(left, PaddingChunkChars);
            writer.WriteStringValueSegment(chunk.AsSpan(0, size), isFinalSegment: size == left);
            await writer.FlushAsync(cancellationToken);
        }
    }
}
