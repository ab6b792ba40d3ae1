using System.Text.Json;

namespace Flick.Core.Parsing;

/// <summary>The property names the parser acts on; everything else is <see cref="Unknown"/> and skipped.</summary>
internal enum Property : byte
{
    Unknown,
    Data,
    Pagination,
    Cursor,
    Series,
    Samples,
    At,
    Streams,
    Id,
    UserId,
    UserLogin,
    UserName,
    GameId,
    GameName,
    Type,
    Title,
    ViewerCount,
    StartedAt,
    Language,
    IsMature,
}

/// <summary>Classifies property-name tokens by length first, then by their UTF-8 bytes.</summary>
internal static class PropertyNames
{
    // An escaped name longer than this cannot unescape to any name we know (at most 13 bytes, 6 per \uXXXX).
    private const int MaxEscapedLength = 128;

    public static Property Classify(ref Utf8JsonReader reader, bool streamFields) =>
        reader.ValueIsEscaped
            ? ClassifyEscaped(ref reader, streamFields)
            : Classify(reader.ValueSpan, streamFields);

    public static Property Classify(ReadOnlySpan<byte> name, bool streamFields) =>
        streamFields ? ClassifyStreamField(name) : ClassifyContainerField(name);

    private static Property ClassifyEscaped(ref Utf8JsonReader reader, bool streamFields)
    {
        if (reader.ValueSpan.Length > MaxEscapedLength)
        {
            return Property.Unknown;
        }

        Span<byte> name = stackalloc byte[MaxEscapedLength];
        var length = reader.CopyString(name);
        return Classify(name[..length], streamFields);
    }

    private static Property ClassifyStreamField(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 when name.SequenceEqual("id"u8) => Property.Id,
        4 when name.SequenceEqual("type"u8) => Property.Type,
        5 when name.SequenceEqual("title"u8) => Property.Title,
        7 when name.SequenceEqual("user_id"u8) => Property.UserId,
        7 when name.SequenceEqual("game_id"u8) => Property.GameId,
        8 when name.SequenceEqual("language"u8) => Property.Language,
        9 when name.SequenceEqual("user_name"u8) => Property.UserName,
        9 when name.SequenceEqual("game_name"u8) => Property.GameName,
        9 when name.SequenceEqual("is_mature"u8) => Property.IsMature,
        10 when name.SequenceEqual("user_login"u8) => Property.UserLogin,
        10 when name.SequenceEqual("started_at"u8) => Property.StartedAt,
        12 when name.SequenceEqual("viewer_count"u8) => Property.ViewerCount,
        _ => Property.Unknown,
    };

    private static Property ClassifyContainerField(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 when name.SequenceEqual("at"u8) => Property.At,
        4 when name.SequenceEqual("data"u8) => Property.Data,
        6 when name.SequenceEqual("series"u8) => Property.Series,
        6 when name.SequenceEqual("cursor"u8) => Property.Cursor,
        7 when name.SequenceEqual("samples"u8) => Property.Samples,
        7 when name.SequenceEqual("streams"u8) => Property.Streams,
        10 when name.SequenceEqual("pagination"u8) => Property.Pagination,
        _ => Property.Unknown,
    };
}
