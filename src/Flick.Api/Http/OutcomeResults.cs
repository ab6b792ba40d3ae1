using Flick.Api.Caching;

namespace Flick.Api.Http;

/// <summary>Maps use-case outcomes to HTTP: the value, or an RFC 7807 problem.</summary>
public static class OutcomeResults
{
    public static IResult ToResult(this Outcome<CachedAnswer> outcome) =>
        outcome.Error is { } error ? Problem(error) : new AnswerResult(outcome.Value!);

    public static IResult ToResult<T>(this Outcome<T> outcome, Func<T, IResult> ok)
    {
        ArgumentNullException.ThrowIfNull(ok);
        return outcome.Error is { } error ? Problem(error) : ok(outcome.Value!);
    }

    public static IResult Problem(ApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Errors is { } errors
            ? TypedResults.ValidationProblem(errors, error.Detail, title: error.Title)
            : TypedResults.Problem(error.Detail, statusCode: error.Status, title: error.Title);
    }
}
