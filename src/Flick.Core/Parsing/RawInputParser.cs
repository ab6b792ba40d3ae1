namespace Flick.Core.Parsing;

/// <summary>
/// Streaming parser for the three input formats of DESIGN §3. Memory does not grow with the size of
/// the input: streams are validated and handed to the sink one by one.
/// </summary>
public static class RawInputParser
{
    public static Task<ParseSummary> ParseAsync(Stream utf8, ParseOptions options, IObservationSink sink, CancellationToken cancellationToken)
    {
        throw new NotImplementedException();
    }
}
