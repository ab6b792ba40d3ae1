using System.Text.Json;
using Flick.Core.Domain;

namespace Flick.Core.Parsing;

/// <summary>
/// The resumable core of <see cref="RawInputParser"/>: it is fed whatever part of the input is in
/// the buffer, handles every complete token, and keeps its place (the reader state plus a small
/// stack of the containers it is in) until the next refill. Nothing of the input is retained.
/// </summary>
/// <remarks>
/// Documents (Helix page, series document) are read as one JSON value; a syntax error ends the
/// parse with one malformed-json rejection. NDJSON is fed to the reader one line at a time, so that
/// a bad line can never swallow the next one; the line is refused and parsing resumes after it.
/// </remarks>
internal sealed partial class ParseMachine
{
    private const int MaxFrames = 8;

    private readonly InputFormat _format;
    private readonly ParseOptions _options;
    private readonly IObservationSink _sink;
    private readonly int _maxTokenBytes;
    private readonly StreamAccumulator _stream = new(new StringPool());
    private readonly Frame[] _frames = new Frame[MaxFrames];
    private JsonReaderState _readerState;
    private int _depth;
    private int _skipDepth = -1;
    private Property _pending;
    private long _offset;
    private long _line = 1;
    private LineMode _lineMode;
    private string? _lineProblem;

    public ParseMachine(InputFormat format, ParseOptions options, IObservationSink sink, ParserLimits limits)
    {
        _format = format;
        _options = options;
        _sink = sink;
        _maxTokenBytes = limits.MaxBufferBytes;
    }

    private enum Frame : byte
    {
        Document,
        Record,
        Pagination,
        Samples,
        Sample,
        Streams,
        Stream,
    }

    private enum LineMode : byte
    {
        Between,
        InRecord,
        SkipRest,
    }

    /// <summary>The parse is over (end of input, or a document that cannot be read further).</summary>
    public bool Done { get; private set; }

    public int Samples { get; private set; }

    public int Observations { get; private set; }

    public int Rejected { get; private set; }

    public string? Cursor { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Handles the complete tokens of <paramref name="data"/>; returns how many bytes it consumed.</summary>
    /// <param name="offset">The position of <paramref name="data"/> in the input.</param>
    public int Process(ReadOnlySpan<byte> data, bool isFinalBlock, long offset)
    {
        _offset = offset;
        var consumed = _format == InputFormat.Ndjson ? ProcessLines(data, isFinalBlock) : ProcessDocument(data, isFinalBlock);
        Done |= isFinalBlock;
        return consumed;
    }

    /// <summary>The buffer is full at its maximum size without one complete token: refuse what it holds.</summary>
    public int OnTokenTooLarge(ReadOnlySpan<byte> data, long offset)
    {
        var reason = $"a single JSON token at byte {offset} is larger than the {_maxTokenBytes} bytes a parse may buffer";
        if (_format == InputFormat.Ndjson)
        {
            Reject(RejectionCodes.MalformedJson, $"line {_line} is refused: {reason}", $"line {_line}");
            _lineMode = LineMode.SkipRest;
        }
        else
        {
            FailDocument(reason, offset);
        }

        return data.Length;
    }

    private int ProcessDocument(ReadOnlySpan<byte> data, bool isFinalBlock)
    {
        var reader = new Utf8JsonReader(data, isFinalBlock, _readerState);
        try
        {
            while (reader.Read())
            {
                Handle(ref reader);
                if (Done)
                {
                    return data.Length;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            var at = _offset + reader.BytesConsumed;
            FailDocument($"the JSON is malformed or truncated after byte {at}; the rest of the input is refused: {ex.Message}", at);
            return data.Length;
        }

        _readerState = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    private int ProcessLines(ReadOnlySpan<byte> data, bool isFinalBlock)
    {
        var pos = 0;
        while (pos < data.Length)
        {
            switch (_lineMode)
            {
                case LineMode.Between:
                    pos = SkipBlank(data, pos);
                    break;
                case LineMode.SkipRest:
                    var newline = data[pos..].IndexOf((byte)'\n');
                    if (newline < 0)
                    {
                        return data.Length;
                    }

                    pos += newline + 1;
                    _line++;
                    _lineMode = LineMode.Between;
                    break;
                default:
                    var rest = data[pos..];
                    var end = rest.IndexOf((byte)'\n');
                    var lineComplete = end >= 0 || isFinalBlock;
                    var readable = ReadLine(end >= 0 ? rest[..end] : rest, lineComplete, pos, out var consumed);
                    if (readable && !lineComplete)
                    {
                        return pos + consumed;
                    }

                    if (end < 0)
                    {
                        // Refused before its end arrived: drop the rest of the line as it comes.
                        _lineMode = LineMode.SkipRest;
                        return data.Length;
                    }

                    pos += end + 1;
                    _line++;
                    _lineMode = LineMode.Between;
                    break;
            }
        }

        return pos;
    }

    private int SkipBlank(ReadOnlySpan<byte> data, int pos)
    {
        for (; pos < data.Length; pos++)
        {
            switch (data[pos])
            {
                case (byte)'\n':
                    _line++;
                    break;
                case (byte)' ' or (byte)'\t' or (byte)'\r':
                    break;
                default:
                    _lineMode = LineMode.InRecord;
                    _readerState = default;
                    _depth = 0;
                    _skipDepth = -1;
                    _lineProblem = null;
                    ResetSample(hasSeries: false);
                    return pos;
            }
        }

        return pos;
    }

    /// <summary>Reads one NDJSON line, or the part of it in the buffer; false when the line is refused.</summary>
    private bool ReadLine(ReadOnlySpan<byte> line, bool lineComplete, int start, out int consumed)
    {
        var reader = new Utf8JsonReader(line, lineComplete, _readerState);
        try
        {
            while (reader.Read())
            {
                Handle(ref reader);
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            var at = _offset + start + reader.BytesConsumed;
            Reject(RejectionCodes.MalformedJson, $"line {_line} is not one complete JSON object (after byte {at}): {ex.Message}", $"line {_line}");
            consumed = 0;
            return false;
        }

        if (lineComplete && _lineProblem is not null)
        {
            Reject(RejectionCodes.WrongType, _lineProblem, $"line {_line}");
            consumed = 0;
            return false;
        }

        _readerState = reader.CurrentState;
        consumed = (int)reader.BytesConsumed;
        return true;
    }

    private void Handle(ref Utf8JsonReader reader)
    {
        var token = reader.TokenType;
        if (_skipDepth >= 0)
        {
            if (token is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == _skipDepth)
            {
                _skipDepth = -1;
            }

            return;
        }

        if (_depth == 0)
        {
            OnRoot(ref reader);
            return;
        }

        var frame = _frames[_depth - 1];
        switch (token)
        {
            case JsonTokenType.PropertyName:
                _pending = PropertyNames.Classify(ref reader, frame == Frame.Stream);
                return;
            case JsonTokenType.EndObject or JsonTokenType.EndArray:
                _depth--;
                OnClosed(frame);
                return;
            default:
                break;
        }

        switch (frame)
        {
            case Frame.Stream:
                _stream.Assign(_pending, ref reader);
                SkipIfContainer(ref reader);
                break;
            case Frame.Streams:
                OnStreamElement(ref reader);
                break;
            case Frame.Samples:
                OnSampleElement(ref reader);
                break;
            case Frame.Sample or Frame.Record:
                OnSampleValue(ref reader, frame);
                break;
            case Frame.Document:
                OnDocumentValue(ref reader);
                break;
            default:
                OnPaginationValue(ref reader);
                break;
        }
    }

    private void SkipIfContainer(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            _skipDepth = reader.CurrentDepth;
        }
    }

    private void Push(Frame frame) => _frames[_depth++] = frame;

    private void FailDocument(string reason, long offset)
    {
        Reject(RejectionCodes.MalformedJson, reason, $"byte {offset}");
        Error = reason;
        Done = true;
    }

    private void Reject(string code, string reason, string location, string? userId = null, string? at = null)
    {
        Rejected++;
        _sink.OnRejected(new Rejection
        {
            Code = code,
            Reason = reason,
            SeriesId = _hasSeries ? _series.Value : null,
            At = at ?? SampleAtText(),
            UserId = userId,
            Location = location,
        });
    }
}
