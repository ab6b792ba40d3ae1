using System.Text.Json;
using Flick.Core.Domain;

namespace Flick.Core.Parsing;

/// <summary>The containers around the streams: the document or NDJSON record, its samples and pagination.</summary>
internal sealed partial class ParseMachine
{
    private const string MissingAt = "the sample has no \"at\"";
    private const string AtAfterStreams = "the sample has no \"at\" before its \"streams\"; \"at\" must come first";

    private SeriesId _series;
    private bool _hasSeries;
    private byte[]? _lastSeriesUtf8;
    private int _sampleNumber;
    private DateTimeOffset _at;
    private bool _hasAt;
    private string? _atText;
    private SampleStatus _status;
    private int _streamNumber;

    private enum SampleStatus : byte
    {
        Open,
        Announced,
        Refused,
    }

    private void ResetSample(bool hasSeries)
    {
        _hasSeries = hasSeries;
        _hasAt = false;
        _atText = null;
        _status = SampleStatus.Open;
        _streamNumber = 0;
    }

    private void OnRoot(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            Push(_format == InputFormat.Ndjson ? Frame.Record : Frame.Document);
            if (_format == InputFormat.HelixPage)
            {
                _series = _options.Series!.Value;
                ResetSample(hasSeries: true);
                _at = _options.PullTime!.Value.ToUniversalTime();
                _hasAt = true;
            }

            return;
        }

        var what = StreamAccumulator.Describe(reader.TokenType);
        if (_format == InputFormat.Ndjson)
        {
            // Reported when the line ends, unless it turns out malformed as well: one rejection per line.
            _lineProblem = $"line {_line} is {what}; each line must be a JSON object";
            SkipIfContainer(ref reader);
            return;
        }

        RefuseDocument(RejectionCodes.WrongType, $"the input is {what}, not a JSON object");
    }

    private void OnClosed(Frame frame)
    {
        switch (frame)
        {
            case Frame.Stream:
                FinishStream();
                break;
            case Frame.Sample or Frame.Record when _status == SampleStatus.Open:
                EnsureAnnounced(MissingAt);
                break;
            case Frame.Document when _format == InputFormat.HelixPage && _status == SampleStatus.Open:
                // A page without "data" was still a pull at that time with no stream.
                Announce();
                break;
            case Frame.Document when _format == InputFormat.SeriesDocument && !_hasSeries:
                RefuseDocument(RejectionCodes.InvalidSeriesId, "the series document has no \"series\"");
                break;
            default:
                break;
        }
    }

    private void OnDocumentValue(ref Utf8JsonReader reader)
    {
        var token = reader.TokenType;
        switch (_pending)
        {
            case Property.Data when _format == InputFormat.HelixPage && _status == SampleStatus.Open:
                if (token is JsonTokenType.StartArray or JsonTokenType.Null)
                {
                    Announce();
                    if (token == JsonTokenType.StartArray)
                    {
                        Push(Frame.Streams);
                    }

                    return;
                }

                _status = SampleStatus.Refused;
                Reject(RejectionCodes.WrongType, $"the page's data is {StreamAccumulator.Describe(token)}; it must be an array", "page");
                break;
            case Property.Pagination when _format == InputFormat.HelixPage && token == JsonTokenType.StartObject:
                Push(Frame.Pagination);
                return;
            case Property.Series when _format == InputFormat.SeriesDocument && !_hasSeries:
                ReadSeries(ref reader, document: true);
                break;
            case Property.Samples when _format == InputFormat.SeriesDocument:
                if (!_hasSeries)
                {
                    RefuseDocument(RejectionCodes.InvalidSeriesId, "the series document gives no \"series\" before its \"samples\"; \"series\" must come first");
                    return;
                }

                if (token == JsonTokenType.StartArray)
                {
                    Push(Frame.Samples);
                    return;
                }

                if (token != JsonTokenType.Null)
                {
                    Reject(RejectionCodes.WrongType, $"samples is {StreamAccumulator.Describe(token)}; it must be an array", "document");
                }

                break;
            default:
                break;
        }

        SkipIfContainer(ref reader);
    }

    private void OnPaginationValue(ref Utf8JsonReader reader)
    {
        if (_pending == Property.Cursor && reader.TokenType == JsonTokenType.String)
        {
            var cursor = reader.GetString();
            Cursor = string.IsNullOrEmpty(cursor) ? null : cursor;
        }

        SkipIfContainer(ref reader);
    }

    private void OnSampleElement(ref Utf8JsonReader reader)
    {
        _sampleNumber++;
        ResetSample(hasSeries: true);
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            Push(Frame.Sample);
            return;
        }

        _status = SampleStatus.Refused;
        Reject(RejectionCodes.WrongType, $"sample {_sampleNumber} is {StreamAccumulator.Describe(reader.TokenType)}; it must be an object", SampleLocation());
        SkipIfContainer(ref reader);
    }

    private void OnSampleValue(ref Utf8JsonReader reader, Frame frame)
    {
        if (_status != SampleStatus.Refused)
        {
            switch (_pending)
            {
                case Property.At when _status == SampleStatus.Open && !_hasAt:
                    ReadAt(ref reader);
                    break;
                case Property.Series when frame == Frame.Record && _status == SampleStatus.Open && !_hasSeries:
                    ReadSeries(ref reader, document: false);
                    break;
                case Property.Streams when EnsureAnnounced(AtAfterStreams):
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        Push(Frame.Streams);
                        return;
                    }

                    if (reader.TokenType != JsonTokenType.Null)
                    {
                        Reject(RejectionCodes.WrongType, $"streams is {StreamAccumulator.Describe(reader.TokenType)}; it must be an array", SampleLocation());
                    }

                    break;
                default:
                    break;
            }
        }

        SkipIfContainer(ref reader);
    }

    private void OnStreamElement(ref Utf8JsonReader reader)
    {
        _streamNumber++;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            _stream.Reset();
            Push(Frame.Stream);
            return;
        }

        Reject(RejectionCodes.WrongType, $"stream {_streamNumber} is {StreamAccumulator.Describe(reader.TokenType)}; it must be an object", StreamLocation());
        SkipIfContainer(ref reader);
    }

    private void FinishStream()
    {
        if (_stream.TryBuild(_at, out var observation, out var code, out var reason))
        {
            Observations++;
            _sink.OnObservation(_series, observation);
        }
        else
        {
            Reject(code, reason, StreamLocation(), _stream.UserId);
        }
    }

    private void ReadAt(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && Rfc3339.TryParse(ref reader, out var at))
        {
            _at = at;
            _hasAt = true;
            return;
        }

        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        var reason = text is null
            ? $"the sample's at is {StreamAccumulator.Describe(reader.TokenType)}; it must be an RFC 3339 string"
            : $"the sample's at '{(text.Length > 40 ? text[..40] + "…" : text)}' is not an RFC 3339 time";
        RefuseSample(RejectionCodes.InvalidAt, reason, text);
    }

    /// <summary>Reads a series id; an invalid one refuses the whole document, or only the NDJSON line.</summary>
    private void ReadSeries(ref Utf8JsonReader reader, bool document)
    {
        string? reason = null;
        if (reader.TokenType == JsonTokenType.String)
        {
            if (!reader.ValueIsEscaped && _lastSeriesUtf8 is not null && reader.ValueSpan.SequenceEqual(_lastSeriesUtf8))
            {
                _hasSeries = true;
                return;
            }

            var text = reader.GetString();
            if (SeriesId.TryParse(text, out var id))
            {
                // NDJSON repeats the series on every line: keep its bytes to skip the string next time.
                _lastSeriesUtf8 = reader.ValueIsEscaped ? null : reader.ValueSpan.ToArray();
                _series = id;
                _hasSeries = true;
                return;
            }

            reason = SeriesId.DescribeInvalid(text);
        }

        reason ??= reader.TokenType == JsonTokenType.Null
            ? SeriesId.DescribeInvalid(null)
            : $"series is {StreamAccumulator.Describe(reader.TokenType)}; it must be a string";
        if (document)
        {
            RefuseDocument(RejectionCodes.InvalidSeriesId, reason);
        }
        else
        {
            RefuseSample(RejectionCodes.InvalidSeriesId, reason, null);
        }
    }

    private bool EnsureAnnounced(string missingAt)
    {
        if (_status != SampleStatus.Open)
        {
            return _status == SampleStatus.Announced;
        }

        if (!_hasSeries)
        {
            RefuseSample(RejectionCodes.InvalidSeriesId, SeriesId.DescribeInvalid(null), null);
            return false;
        }

        if (!_hasAt)
        {
            RefuseSample(RejectionCodes.InvalidAt, missingAt, null);
            return false;
        }

        Announce();
        return true;
    }

    private void Announce()
    {
        _status = SampleStatus.Announced;
        Samples++;
        _sink.OnSample(_series, _at);
    }

    private void RefuseSample(string code, string reason, string? atText)
    {
        _status = SampleStatus.Refused;
        Reject(code, reason, SampleLocation(), at: atText);
    }

    private void RefuseDocument(string code, string reason)
    {
        Reject(code, reason, "document");
        Error = reason;
        Done = true;
    }

    private string? SampleAtText() => _hasAt ? _atText ??= Rfc3339.Format(_at) : null;

    private string SampleLocation() => _format switch
    {
        InputFormat.HelixPage => "page",
        InputFormat.SeriesDocument => $"sample {_sampleNumber}",
        _ => $"line {_line}",
    };

    private string StreamLocation() =>
        _format == InputFormat.HelixPage ? $"stream {_streamNumber}" : $"{SampleLocation()}, stream {_streamNumber}";
}
