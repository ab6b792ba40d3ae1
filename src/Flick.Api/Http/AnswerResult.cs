using Flick.Api.Caching;

namespace Flick.Api.Http;

/// <summary>Writes a cached answer's bytes as they are: no serialization on a hit.</summary>
public sealed class AnswerResult(CachedAnswer answer) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = answer.Status;
        httpContext.Response.ContentType = answer.ContentType;
        httpContext.Response.ContentLength = answer.Body.Length;
        return httpContext.Response.Body.WriteAsync(answer.Body, httpContext.RequestAborted).AsTask();
    }
}
