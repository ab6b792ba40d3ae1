namespace Flick.Pipeline.Events;

/// <summary>
/// Written to the raw bucket after a pull's pages: its creation is what starts the ingestion of
/// the pull (the pages themselves are bronze, exactly as received).
/// </summary>
public sealed record PullManifest(
    string PullId,
    string Source,
    string SeriesId,
    DateTimeOffset At,
    IReadOnlyList<PulledPage> Pages,
    string Status,
    bool Complete,
    string? Error);

/// <param name="Status">HTTP status of the page response.</param>
public sealed record PulledPage(int Number, string Key, long Bytes, string Sha256, int Status);
