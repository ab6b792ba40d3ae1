using Flick.Core.Domain;

namespace Flick.Core.Parsing;

public sealed record ParseOptions
{
    public InputFormat Format { get; init; } = InputFormat.Auto;

    /// <summary>The series of a Helix page, which does not name one.</summary>
    public SeriesId? Series { get; init; }

    /// <summary>The sample time of a Helix page: the pull time.</summary>
    public DateTimeOffset? PullTime { get; init; }
}
