namespace Flick.Core.Parsing;

/// <summary>The input formats of DESIGN §3.</summary>
public enum InputFormat
{
    /// <summary>Decide from the first bytes: <c>{"data"</c> → Helix page, <c>{"series"</c> with <c>samples</c> → series document, else NDJSON.</summary>
    Auto,

    /// <summary>A Helix "Get Streams" page: one sample, taken at the pull time.</summary>
    HelixPage,

    /// <summary><c>{"series":"id","samples":[{"at":"…","streams":[…]}]}</c>.</summary>
    SeriesDocument,

    /// <summary>One <c>{"series","at","streams"}</c> sample per line.</summary>
    Ndjson,
}
