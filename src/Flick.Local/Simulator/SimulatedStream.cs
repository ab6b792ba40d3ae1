namespace Flick.Local.Simulator;

/// <summary>One live stream of a snapshot, with the fields of a Helix "Get Streams" element.</summary>
public sealed record SimulatedStream
{
    public required string Id { get; init; }
    public required string UserId { get; init; }
    public required string UserLogin { get; init; }
    public required string UserName { get; init; }

    /// <summary>Empty when the stream is uncategorised.</summary>
    public required string GameId { get; init; }
    public required string GameName { get; init; }
    public string Type { get; init; } = "live";
    public required string Title { get; init; }

    /// <summary>Null for channels that set no tags, as Helix sends them.</summary>
    public IReadOnlyList<string>? Tags { get; init; }
    public required int ViewerCount { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required string Language { get; init; }
    public required string ThumbnailUrl { get; init; }
    public required bool IsMature { get; init; }
}
