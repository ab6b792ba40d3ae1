namespace Flick.Core.Domain;

/// <summary>The quarantine reasons of DESIGN §3, as stable codes.</summary>
public static class RejectionCodes
{
    public const string MissingUserId = "missing-user-id";
    public const string InvalidViewerCount = "invalid-viewer-count";
    public const string NotLive = "not-live";
    public const string InvalidAt = "invalid-at";
    public const string InvalidSeriesId = "invalid-series-id";
    public const string MalformedJson = "malformed-json";
    public const string WrongType = "wrong-type";
    public const string UnknownFormat = "unknown-format";
}
