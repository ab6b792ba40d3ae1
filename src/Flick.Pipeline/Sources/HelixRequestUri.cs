using System.Globalization;
using System.Text;

namespace Flick.Pipeline.Sources;

/// <summary>Builds the <c>helix/streams</c> URI of a page request.</summary>
internal static class HelixRequestUri
{
    public const string StreamsPath = "helix/streams";

    public static Uri Build(HelixPageRequest request)
    {
        var root = request.BaseUri.AbsoluteUri.EndsWith('/') ? request.BaseUri : new Uri(request.BaseUri.AbsoluteUri + "/");
        var query = new StringBuilder("?first=").Append(request.First.ToString(CultureInfo.InvariantCulture));
        foreach (var language in request.Languages)
        {
            Append(query, "language", language);
        }

        foreach (var gameId in request.GameIds)
        {
            Append(query, "game_id", gameId);
        }

        Append(query, "type", "live");
        if (request.AllowTimeTravel && request.At is { } at)
        {
            Append(query, "at", at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(request.After))
        {
            Append(query, "after", request.After);
        }

        return new Uri(root, StreamsPath + query);
    }

    public static void Validate(HelixPageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.BaseUri is null || !request.BaseUri.IsAbsoluteUri || request.BaseUri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException("The base URI must be an absolute http(s) URI.", nameof(request));
        }

        if (request.First is < 1 or > HelixPageRequest.MaxFirst)
        {
            throw new ArgumentException($"First must be in 1..{HelixPageRequest.MaxFirst}.", nameof(request));
        }
    }

    private static void Append(StringBuilder query, string name, string value) =>
        query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
}
