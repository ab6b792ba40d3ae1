using System.Collections.Concurrent;

namespace Flick.Local.Simulator;

/// <summary>Faults scripted by a test: each one applies to the next <c>/helix</c> request, in order.</summary>
public sealed class SimulatedFaultQueue
{
    private readonly ConcurrentQueue<SimulatedFault> _faults = new();

    public int Count => _faults.Count;

    public void Enqueue(SimulatedFault fault, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        for (var i = 0; i < count; i++)
        {
            _faults.Enqueue(fault);
        }
    }

    public void Clear() => _faults.Clear();

    internal bool TryDequeue(out SimulatedFault fault) => _faults.TryDequeue(out fault!);
}
