namespace Flick.Core.Parsing;

/// <summary>
/// The read buffer of a parse: it starts at <see cref="InitialBufferBytes"/> and only grows when one
/// JSON token (with the whitespace before it) does not fit, up to <see cref="MaxBufferBytes"/>.
/// </summary>
internal sealed record ParserLimits(int InitialBufferBytes, int MaxBufferBytes)
{
    public static ParserLimits Default { get; } = new(64 * 1024, 16 * 1024 * 1024);
}
