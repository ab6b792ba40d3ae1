namespace Flick.Local.Simulator;

/// <summary>
/// Stateless hashing (SplitMix64 finaliser) so that any (seed, channel, time) is computed directly,
/// without replaying a random sequence from the beginning of time.
/// </summary>
internal static class WorldHash
{
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    public static ulong Of(long seed, WorldSalt salt, long a, long b = 0) =>
        Mix(Mix(Mix((ulong)seed ^ (ulong)salt) ^ (ulong)a) ^ (ulong)b);

    /// <summary>A uniform double in [0, 1) from the top 53 bits of a hash.</summary>
    public static double Unit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));

    public static int Below(ulong hash, int bound) => (int)(hash % (ulong)bound);

    /// <summary>Picks an index with probability proportional to its weight.</summary>
    public static int Weighted(ulong hash, IReadOnlyList<double> cumulative)
    {
        var target = Unit(hash) * cumulative[^1];
        for (var i = 0; i < cumulative.Count; i++)
        {
            if (target < cumulative[i])
            {
                return i;
            }
        }

        return cumulative.Count - 1;
    }

    public static double[] Cumulative(IEnumerable<double> weights)
    {
        var total = 0.0;
        return weights.Select(w => total += w).ToArray();
    }
}
