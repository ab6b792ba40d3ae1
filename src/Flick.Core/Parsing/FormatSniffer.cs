using System.Text.Json;

namespace Flick.Core.Parsing;

/// <summary>
/// Decides <see cref="InputFormat.Auto"/> from the first top-level property names, without
/// consuming anything: <c>data</c> or <c>pagination</c> → Helix page; <c>samples</c> → series
/// document; <c>at</c> or <c>streams</c> → NDJSON (a sample per line). <c>series</c> and unknown
/// properties are passed over until one of these decides.
/// </summary>
internal static class FormatSniffer
{
    public enum Outcome
    {
        Decided,
        NeedMoreData,
        Unknown,
    }

    public static Outcome Sniff(ReadOnlySpan<byte> data, bool isFinalBlock, out InputFormat format, out string reason)
    {
        format = InputFormat.Auto;
        reason = string.Empty;
        var start = data.IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0)
        {
            reason = "the input is empty";
            return isFinalBlock ? Outcome.Unknown : Outcome.NeedMoreData;
        }

        if (data[start] != '{')
        {
            reason = "the input does not start with a JSON object";
            return Outcome.Unknown;
        }

        var reader = new Utf8JsonReader(data[start..], isFinalBlock, default);
        try
        {
            reader.Read();
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    reason = "the first object has none of \"data\", \"samples\" or \"at\"";
                    return Outcome.Unknown;
                }

                format = PropertyNames.Classify(ref reader, streamFields: false) switch
                {
                    Property.Data or Property.Pagination => InputFormat.HelixPage,
                    Property.Samples => InputFormat.SeriesDocument,
                    Property.At or Property.Streams => InputFormat.Ndjson,
                    _ => InputFormat.Auto,
                };
                if (format != InputFormat.Auto)
                {
                    return Outcome.Decided;
                }

                if (!reader.TrySkip())
                {
                    break;
                }
            }
        }
        catch (JsonException ex)
        {
            reason = $"the input is not readable JSON: {ex.Message}";
            return Outcome.Unknown;
        }

        return Outcome.NeedMoreData;
    }
}
