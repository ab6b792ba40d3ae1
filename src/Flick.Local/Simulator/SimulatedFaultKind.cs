namespace Flick.Local.Simulator;

public enum SimulatedFaultKind
{
    /// <summary>No fault: the request is answered as usual. Scripts a fault for a later request (e.g. the second page).</summary>
    None,

    /// <summary>500 with a Helix-style error body.</summary>
    ServerError,

    /// <summary>429 with an empty bucket until the fault's reset time.</summary>
    TooManyRequests,

    /// <summary>A valid page cut in the middle (the HTTP response itself is complete).</summary>
    Truncated,

    /// <summary>A complete body that is not JSON.</summary>
    Malformed,

    /// <summary>The page, after a delay.</summary>
    Slow,

    /// <summary>The page's cursor is the request's <c>after</c> (on a first page, a cursor back to it).</summary>
    CursorLoop,

    /// <summary>A well-formed page inflated to a given size by a huge title.</summary>
    HugeBody,

    /// <summary><c>{"data":[],"pagination":{}}</c> whatever the world holds.</summary>
    EmptyData,
}
