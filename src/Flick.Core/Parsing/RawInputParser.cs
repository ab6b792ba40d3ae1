using Flick.Core.Domain;

namespace Flick.Core.Parsing;

/// <summary>
/// Streaming parser for the three input formats of DESIGN §3. Memory does not grow with the size of
/// the input: streams are validated and handed to the sink one by one.
/// </summary>
/// <remarks>
/// The input is read into a pooled buffer that only grows when a single JSON token does not fit
/// (at most 16 MB; a larger token is malformed-json). Malformed or truncated input is a rejection,
/// never an exception: what came before it has been delivered. IO errors and cancellation throw.
/// Because nothing is buffered to look ahead: in a series document <c>series</c> must come before
/// <c>samples</c> (else the whole document is refused, invalid-series-id), and in a sample or an
/// NDJSON line <c>at</c> (and <c>series</c>) must come before <c>streams</c> (else that sample is
/// refused, invalid-at). An NDJSON record must sit on one line. Auto-detection reads the first
/// object's property names up to the first of <c>data</c>/<c>pagination</c> (Helix page),
/// <c>samples</c> (series document) or <c>at</c>/<c>streams</c> (NDJSON); stream-level rules are in
/// <see cref="StreamAccumulator"/>.
/// /// </remarks>
public static class RawInputParser
{
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <exception cref="ArgumentException">A Helix page without <see cref="ParseOptions.Series"/> or <see cref="ParseOptions.PullTime"/>.</exception>
    public static Task<ParseSummary> ParseAsync(Stream utf8, ParseOptions options, IObservationSink sink, CancellationToken cancellationToken) =>
        ParseAsync(utf8, options, sink, ParserLimits.Default, diagnostics: null, cancellationToken);

    internal static async Task<ParseSummary> ParseAsync(
        Stream utf8, ParseOptions options, IObservationSink sink, ParserLimits limits, ParserDiagnostics? diagnostics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        if (options.Format == InputFormat.HelixPage)
        {
            RequirePageOptions(options);
        }

        using var buffer = new ParseBuffer(utf8, limits);
        try
        {
            while (buffer.Data.Length < ByteOrderMark.Length && !buffer.Eof)
            {
                await buffer.ReadMoreAsync(cancellationToken).ConfigureAwait(false);
            }

            if (buffer.Data.StartsWith(ByteOrderMark))
            {
                buffer.Consume(ByteOrderMark.Length);
            }

            var format = options.Format;
            if (format == InputFormat.Auto)
            {
                var (detected, reason) = await DetectAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (detected == InputFormat.Auto)
                {
                    sink.OnRejected(new Rejection { Code = RejectionCodes.UnknownFormat, Reason = reason, Location = "byte 0" });
                    return new ParseSummary(InputFormat.Auto, buffer.BytesRead, 0, 0, 1, null, reason);
                }

                format = detected;
                if (format == InputFormat.HelixPage)
                {
                    RequirePageOptions(options);
                }
            }

            var machine = new ParseMachine(format, options, sink, limits);
            while (!machine.Done)
            {
                buffer.Consume(machine.Process(buffer.Data, buffer.Eof, buffer.Offset));
                if (!machine.Done && !await buffer.ReadMoreAsync(cancellationToken).ConfigureAwait(false))
                {
                    buffer.Consume(machine.OnTokenTooLarge(buffer.Data, buffer.Offset));
                }
            }

            return new ParseSummary(format, buffer.BytesRead, machine.Samples, machine.Observations, machine.Rejected, machine.Cursor, machine.Error);
        }
        finally
        {
            diagnostics?.PeakBufferBytes = buffer.PeakBytes;
        }
    }

    private static async Task<(InputFormat Format, string Reason)> DetectAsync(ParseBuffer buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            var outcome = FormatSniffer.Sniff(buffer.Data, buffer.Eof, out var format, out var reason);
            if (outcome != FormatSniffer.Outcome.NeedMoreData)
            {
                return (outcome == FormatSniffer.Outcome.Decided ? format : InputFormat.Auto, reason);
            }

            if (!await buffer.ReadMoreAsync(cancellationToken).ConfigureAwait(false))
            {
                return (InputFormat.Auto, $"no \"data\", \"samples\" or \"at\" property in the first {buffer.Data.Length} bytes");
            }
        }
    }

    private static void RequirePageOptions(ParseOptions options)
    {
        if (options.Series is not { } series || !SeriesId.IsValid(series.Value) || options.PullTime is null)
        {
            throw new ArgumentException(
                "A Helix page names neither its series nor its time: ParseOptions.Series and ParseOptions.PullTime are required.",
                nameof(options));
        }
    }
}
