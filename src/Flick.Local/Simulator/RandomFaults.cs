namespace Flick.Local.Simulator;

/// <summary>Draws the random faults of <see cref="SimulatorOptions"/> from a generator seeded by the world's seed.</summary>
internal sealed class RandomFaults(SimulatorOptions options)
{
    private readonly Lock _gate = new();
    private readonly Random _random = new(unchecked((int)options.Seed ^ 0x5EED));

    public SimulatedFault? Next()
    {
        double roll;
        lock (_gate)
        {
            roll = _random.NextDouble();
        }

        if ((roll -= options.Error500Probability) < 0)
        {
            return SimulatedFault.ServerError;
        }

        if ((roll -= options.SlowProbability) < 0)
        {
            return SimulatedFault.Slow(options.SlowDelay);
        }

        if ((roll -= options.TruncatedProbability) < 0)
        {
            return SimulatedFault.Truncated;
        }

        return roll - options.MalformedProbability < 0 ? SimulatedFault.Malformed : null;
    }
}
