namespace Flick.Local.Simulator;

/// <summary>
/// Settings of <see cref="HelixSimulator"/>: the size and seed of the simulated world, the rate limit
/// and the random faults. The defaults give a fault-free world of 2,000 channels behind the Helix
/// rate limit of 800 points a minute.
/// </summary>
public sealed record SimulatorOptions
{
    /// <summary>Upper bound of <see cref="Channels"/>: stream ids reserve six digits for the channel.</summary>
    public const int MaxChannels = 1_000_000;

    /// <summary>Loopback port; 0 picks a free one.</summary>
    public int Port { get; set; }

    public int Channels { get; set; } = 2000;

    public long Seed { get; set; } = 1;

    /// <summary>The categories streams play; the first ones are the most popular.</summary>
    public IReadOnlyList<SimulatedGame> Games { get; set; } = SimulatedGames.Default;

    /// <summary>Share of channels that never set a category (their streams have <c>game_id</c> "").</summary>
    public double UncategorisedShare { get; set; } = 0.03;

    /// <summary>Points per minute; every request costs one point, as on Helix.</summary>
    public int RateLimitPerMinute { get; set; } = 800;

    /// <summary>Whether requests need both <c>Client-Id</c> and <c>Authorization: Bearer</c>.</summary>
    public bool RequireAuth { get; set; } = true;

    public double Error500Probability { get; set; }

    public double SlowProbability { get; set; }

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(5);

    public double TruncatedProbability { get; set; }

    public double MalformedProbability { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> naming every invalid setting.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (Port is < 0 or > 65535)
        {
            errors.Add($"{nameof(Port)} must be in 0..65535.");
        }

        if (Channels is < 1 or > MaxChannels)
        {
            errors.Add($"{nameof(Channels)} must be in 1..{MaxChannels}.");
        }

        if (Games is null || Games.Count == 0)
        {
            errors.Add($"{nameof(Games)} must name at least one game.");
        }
        else if (Games.Any(g => string.IsNullOrEmpty(g.Id) || !g.Id.All(char.IsAsciiDigit) || g.Weight <= 0))
        {
            errors.Add($"{nameof(Games)} need numeric ids and positive weights.");
        }

        if (RateLimitPerMinute < 1)
        {
            errors.Add($"{nameof(RateLimitPerMinute)} must be at least 1.");
        }

        if (SlowDelay < TimeSpan.Zero)
        {
            errors.Add($"{nameof(SlowDelay)} must not be negative.");
        }

        var shares = new[] { UncategorisedShare, Error500Probability, SlowProbability, TruncatedProbability, MalformedProbability };
        if (shares.Any(p => p is < 0 or > 1 || double.IsNaN(p)))
        {
            errors.Add("Shares and fault probabilities must be in 0..1.");
        }

        if (Error500Probability + SlowProbability + TruncatedProbability + MalformedProbability > 1)
        {
            errors.Add("Fault probabilities must add up to at most 1.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid simulator options: " + string.Join(" ", errors));
        }
    }
}
