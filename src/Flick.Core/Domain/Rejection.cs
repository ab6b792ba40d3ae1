namespace Flick.Core.Domain;

/// <summary>
/// A record that validation refused, kept in the quarantine with the reason. Nothing else of the
/// input is lost because of it.
/// </summary>
public sealed record Rejection
{
    /// <summary>A stable, machine-readable code (see <see cref="RejectionCodes"/>).</summary>
    public required string Code { get; init; }

    /// <summary>A sentence a person can act on.</summary>
    public required string Reason { get; init; }

    public string? SeriesId { get; init; }
    public string? At { get; init; }
    public string? UserId { get; init; }

    /// <summary>Where in the input: sample index, line number or byte offset.</summary>
    public string? Location { get; init; }
}
