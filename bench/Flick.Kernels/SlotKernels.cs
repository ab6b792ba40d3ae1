using BenchmarkDotNet.Attributes;
using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;
using Flick.Core.Semantics;

namespace Flick.Kernels;

/// <summary>The slot grouping and the per-slot figures of DESIGN §3 over one 10,000-channel slot.</summary>
public class SlotKernels
{
    private IReadOnlyList<Observation> _observations = null!;

    [GlobalSetup]
    public void Setup() => _observations = KernelData.Create().Observations;

    /// <summary>De-duplication and grouping of the slot's observations, then its content ordered by user id.</summary>
    [Benchmark(Description = "slot-accumulate")]
    public int Accumulate()
    {
        var accumulator = new SlotAccumulator();
        foreach (var o in _observations)
        {
            accumulator.OnObservation(KernelData.Series, o);
        }

        return accumulator.Slots().Single().Observations.Count;
    }

    [Benchmark(Description = "slot-viewers")]
    public SlotViewers Viewers() => SlotCalculator.Viewers(KernelData.Slot, (IReadOnlyCollection<Observation>)_observations);

    [Benchmark(Description = "slot-rankings")]
    public SlotRankings Rankings() => SlotCalculator.Rankings(KernelData.Slot, (IReadOnlyCollection<Observation>)_observations);
}
