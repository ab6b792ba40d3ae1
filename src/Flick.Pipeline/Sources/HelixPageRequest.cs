using Flick.Core.Ports;

namespace Flick.Pipeline.Sources;

/// <summary>One page of <c>GET /helix/streams</c>.</summary>
public sealed record HelixPageRequest
{
    public const int MaxFirst = 100;

    /// <summary>The API root (<c>https://api.twitch.tv/</c>); the client appends <c>helix/streams</c>.</summary>
    public required Uri BaseUri { get; init; }

    public int First { get; init; } = MaxFirst;

    /// <summary>The previous page's cursor; null for the first page.</summary>
    public string? After { get; init; }

    public IReadOnlyList<string> Languages { get; init; } = [];

    public IReadOnlyList<string> GameIds { get; init; } = [];

    /// <summary>The minute to pull for a backfill; sent as <c>at</c> only when <see cref="AllowTimeTravel"/>.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>Whether the source understands <c>at</c> (the simulator does, Helix does not).</summary>
    public bool AllowTimeTravel { get; init; }

    /// <summary>Sent as <c>Client-Id</c> and <c>Authorization: Bearer</c>; null sends neither.</summary>
    public SourceCredential? Credentials { get; init; }
}
