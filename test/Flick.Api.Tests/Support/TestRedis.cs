namespace Flick.Api.Tests.Support;

/// <summary>The Redis server of the tests, started by scripts/test.sh (scripts/redis.sh).</summary>
public static class TestRedis
{
    public const string Variable = "FLICK_TEST_REDIS";

    /// <summary>The address; fails (never skips) when the variable is not set.</summary>
    public static string Address =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } address
            ? address
            : throw new InvalidOperationException($"{Variable} is not set: start Redis with `eval \"$(./scripts/redis.sh start)\"` (scripts/test.sh does it)");

    public static string Port => Address[(Address.LastIndexOf(':') + 1)..];
}
