using System.Collections.Concurrent;
using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;
using Flick.Core.Ports;

namespace Flick.Api.Tests.Fakes;

public sealed class FakeRankingStore : IRankingStore
{
    public ConcurrentDictionary<Slot, SlotRankings> Slots { get; } = new();

    public Task WriteSlotAsync(string seriesId, SlotRankings rankings, CancellationToken cancellationToken)
    {
        Slots[rankings.Slot] = rankings;
        return Task.CompletedTask;
    }

    public Task<SlotRankings?> ReadSlotAsync(string seriesId, Slot slot, CancellationToken cancellationToken) =>
        Task.FromResult(Slots.GetValueOrDefault(slot));
}
