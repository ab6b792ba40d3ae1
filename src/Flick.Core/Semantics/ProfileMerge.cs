using Flick.Core.Domain.Metrics;

namespace Flick.Core.Semantics;

/// <summary>
/// Merges channel profiles. The merge is commutative, associative and idempotent, so slots can be
/// merged concurrently, in any order, and more than once: first seen is the minimum, the
/// descriptive fields come from the later (slot, then <c>at</c>) observation, and the peak is the
/// maximum with the earliest slot that reached it.
/// </summary>
public static class ProfileMerge
{
    public static ChannelProfile Merge(ChannelProfile existing, ChannelProfile update)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(update);

        var latest = IsLater(update, existing) ? update : existing;
        var (peak, peakSlot) = update.PeakViewers > existing.PeakViewers
            || (update.PeakViewers == existing.PeakViewers && update.PeakSlot < existing.PeakSlot)
                ? (update.PeakViewers, update.PeakSlot)
                : (existing.PeakViewers, existing.PeakSlot);

        return latest with
        {
            FirstSeen = existing.FirstSeen < update.FirstSeen ? existing.FirstSeen : update.FirstSeen,
            LastSeen = existing.LastSeen > update.LastSeen ? existing.LastSeen : update.LastSeen,
            PeakViewers = peak,
            PeakSlot = peakSlot,
        };
    }

    /// <summary>Whether <paramref name="a"/> was observed after <paramref name="b"/>: by last slot, then by <c>at</c>.</summary>
    public static bool IsLater(ChannelProfile a, ChannelProfile b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var bySlot = a.LastSeen.CompareTo(b.LastSeen);
        return bySlot != 0 ? bySlot > 0 : a.LastAt > b.LastAt;
    }
}
