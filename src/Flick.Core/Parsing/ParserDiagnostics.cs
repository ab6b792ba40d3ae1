namespace Flick.Core.Parsing;

/// <summary>What a parse used, for tests that check that memory does not grow with the input.</summary>
internal sealed class ParserDiagnostics
{
    /// <summary>The largest read buffer the parse held.</summary>
    public int PeakBufferBytes { get; set; }
}
