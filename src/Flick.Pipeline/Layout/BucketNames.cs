using Flick.Core.Ports;

namespace Flick.Pipeline.Layout;

/// <summary>
/// The names the store uses for the logical buckets. On one machine they are the logical names;
/// in AWS they come from the environment (for example <c>flick-prod-raw-123456789012</c>).
/// </summary>
public sealed record BucketNames
{
    public string Raw { get; init; } = Buckets.Raw;
    public string Series { get; init; } = Buckets.Series;
    public string Clean { get; init; } = Buckets.Clean;
}
