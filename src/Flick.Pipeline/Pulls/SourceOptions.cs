using Flick.Core.Domain;

namespace Flick.Pipeline.Pulls;

/// <summary>
/// One external source and its coverage rule (DESIGN §4): which pages are fetched, and when the
/// Puller stops (page limit, viewer floor).
/// </summary>
public sealed class SourceOptions
{
    public string Name { get; set; } = "sim";

    /// <summary>The series its samples belong to.</summary>
    public string SeriesId { get; set; } = "sim";

    /// <summary>The root of the Helix-compatible API, e.g. https://api.twitch.tv/ (the Puller asks its <c>helix/streams</c>).</summary>
    public Uri? ApiBase { get; set; }

    /// <summary>Whether the source answers for a past minute (the simulator's <c>at</c> extension); backfills need it.</summary>
    public bool AllowTimeTravel { get; set; }

    /// <summary>Streams per page (Helix allows 1..100).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>At most this many pages per pull.</summary>
    public int MaxPages { get; set; } = 1000;

    /// <summary>Stop paging once a page ends below this many viewers (pages come sorted by viewers, desc).</summary>
    public int ViewerFloor { get; set; }

    public string? Language { get; set; }

    public IList<string> GameIds { get; } = [];

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Name) || !Core.Domain.SeriesId.IsValid(Name))
        {
            yield return $"source name '{Name}' must be a valid id (^[a-z0-9][a-z0-9-]{{0,62}}$)";
        }

        if (!Core.Domain.SeriesId.IsValid(SeriesId))
        {
            yield return $"source '{Name}': {Core.Domain.SeriesId.DescribeInvalid(SeriesId)}";
        }

        if (ApiBase is null || !ApiBase.IsAbsoluteUri || (ApiBase.Scheme != Uri.UriSchemeHttp && ApiBase.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"source '{Name}': ApiBase must be an absolute http(s) URL";
        }

        if (PageSize is < 1 or > 100)
        {
            yield return $"source '{Name}': PageSize must be within 1..100";
        }

        if (MaxPages < 1)
        {
            yield return $"source '{Name}': MaxPages must be at least 1";
        }
    }

    public SeriesId Series => Core.Domain.SeriesId.Parse(SeriesId);
}
