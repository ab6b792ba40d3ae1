namespace Flick.Core.Parsing;

/// <param name="Cursor">A Helix page's <c>pagination.cursor</c>, when present and not empty.</param>
/// <param name="Error">Set when the input stopped being readable (malformed or truncated); what came before it was still delivered.</param>
public sealed record ParseSummary(InputFormat Format, long Bytes, int Samples, int Observations, int Rejected, string? Cursor, string? Error);
