namespace Flick.Api.Http;

/// <summary>A refusal the API answers with an RFC 7807 problem; <see cref="Errors"/> lists bad inputs by field.</summary>
public sealed record ApiError(int Status, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static ApiError NotFound(string detail) => new(StatusCodes.Status404NotFound, "Not found", detail);

    public static ApiError Conflict(string detail) => new(StatusCodes.Status409Conflict, "Conflict", detail);

    public static ApiError Unauthorized(string detail) => new(StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static ApiError Invalid(string field, string message) =>
        new(StatusCodes.Status400BadRequest, "Invalid request", message, new Dictionary<string, string[]> { [field] = [message] });
}
