namespace Flick.Api.Tests.Support;

/// <summary>Tests that use (and one that stops) the shared Redis server run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection
{
    public const string Name = "redis";
}
