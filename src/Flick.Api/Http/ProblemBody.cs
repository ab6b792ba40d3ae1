namespace Flick.Api.Http;

/// <summary>An RFC 7807 problem as stored in the answer cache (a cached "not found", for one).</summary>
public sealed record ProblemBody(string Type, string Title, int Status, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static ProblemBody From(ApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ProblemBody(TypeOf(error.Status), error.Title, error.Status, error.Detail, error.Errors);
    }

    /// <summary>The RFC 9110 section of the status, as ASP.NET Core's problem details name it.</summary>
    public static string TypeOf(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        _ => "about:blank",
    };
}
