using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;

namespace Flick.Core.Ports;

/// <summary>Per-slot rankings (top N channels and games). Writing a slot replaces it.</summary>
public interface IRankingStore
{
    Task WriteSlotAsync(string seriesId, SlotRankings rankings, CancellationToken cancellationToken);

    Task<SlotRankings?> ReadSlotAsync(string seriesId, Slot slot, CancellationToken cancellationToken);
}
