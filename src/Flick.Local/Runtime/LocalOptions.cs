namespace Flick.Local.Runtime;

/// <summary>What a user can set on the command line (see Program.cs for the flags).</summary>
public sealed record LocalOptions
{
    public string DataDirectory { get; init; } = Path.Combine(Environment.CurrentDirectory, ".data", "flick");

    /// <summary>Channels of the simulated source.</summary>
    public int Channels { get; init; } = 2000;

    /// <summary>Minutes of backfill.</summary>
    public int Minutes { get; init; } = 60;

    /// <summary>A real Helix-compatible "Get Streams" URL instead of the simulator (no backfill: it has no past).</summary>
    public Uri? Source { get; init; }

    /// <summary>Exit after the backfill instead of pulling every minute.</summary>
    public bool Once { get; init; }

    /// <summary>The exclusive end of the backfill (default: the current minute). Fixing it makes runs repeatable.</summary>
    public DateTimeOffset? End { get; init; }

    public int Seed { get; init; } = 20261123;

    /// <summary>Requests per minute the simulated source allows (Helix gives one token 800).</summary>
    public int RateLimit { get; init; } = 800;

    /// <summary>State machine executions at once.</summary>
    public int Executions { get; init; } = 2;

    /// <summary>Scales Step Functions retry intervals (1 = as written in the state machine file).</summary>
    public double RetryDelayScale { get; init; } = 0.05;

    public bool Quiet { get; init; }

    /// <summary>A folder of raw objects to put into the raw bucket and process instead of a backfill (<c>--import</c>).</summary>
    public string? Import { get; init; }

    /// <summary>Where the search API and dashboard listen while Flick keeps pulling (not in <c>--once</c> mode).</summary>
    public Uri ApiUrl { get; init; } = new("http://127.0.0.1:5080");

    public bool NoApi { get; init; }

    /// <summary>The Redis cache of the API (host:port or a configuration string); none means an in-process cache.</summary>
    public string? Redis { get; init; }

    public IEnumerable<string> Problems()
    {
        if (Channels is < 1 or > 1_000_000)
        {
            yield return "--channels must be within 1..1000000";
        }

        if (Minutes is < 0 or > 44_640)
        {
            yield return "--minutes must be within 0..44640 (31 days)";
        }

        if (Source is not null && (!Source.IsAbsoluteUri || (Source.Scheme != Uri.UriSchemeHttp && Source.Scheme != Uri.UriSchemeHttps)))
        {
            yield return "--source must be an absolute http(s) URL";
        }

        if (RateLimit is < 1 or > 1_000_000)
        {
            yield return "--rate-limit must be within 1..1000000";
        }

        if (Import is not null && !Directory.Exists(Import))
        {
            yield return $"--import folder '{Import}' does not exist";
        }

        if (Executions is < 1 or > 64)
        {
            yield return "--executions must be within 1..64";
        }
    }
}
