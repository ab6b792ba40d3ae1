using Flick.Core.Domain;

namespace Flick.Core.Semantics;

/// <summary>
/// DESIGN §3, de-duplication: one observation per (series, slot, user_id) — the one with the latest
/// <c>at</c>; on equal <c>at</c>, the larger viewer count. Beyond the design's rule, an ordinal
/// comparison of the remaining fields breaks exact ties, so the kept observation never depends on
/// arrival order.
/// </summary>
public static class Deduplication
{
    /// <summary>Whether <paramref name="candidate"/> replaces <paramref name="kept"/>.</summary>
    public static bool Supersedes(Observation candidate, Observation kept)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(kept);

        var byAt = candidate.At.CompareTo(kept.At);
        if (byAt != 0)
        {
            return byAt > 0;
        }

        if (candidate.ViewerCount != kept.ViewerCount)
        {
            return candidate.ViewerCount > kept.ViewerCount;
        }

        return TieBreak(candidate, kept) > 0;
    }

    private static int TieBreak(Observation a, Observation b)
    {
        var c = string.CompareOrdinal(a.StreamId, b.StreamId);
        if (c == 0)
        {
            c = string.CompareOrdinal(a.GameId, b.GameId);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(a.Title, b.Title);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(a.UserLogin, b.UserLogin);
        }

        return c;
    }
}
