using Flick.Api.Caching;
using Microsoft.Extensions.Primitives;

namespace Flick.Api.Http;

/// <summary>
/// Writes an answer's bytes as they are: no serialization on a hit. A successful answer carries its
/// entity tag, and a request whose If-None-Match names it gets 304 Not Modified without the body.
/// </summary>
public sealed class AnswerResult(CachedAnswer answer) : IResult
{
    // Answers depend on who may read them, so shared caches keep none; a browser revalidates each time.
    private const string CacheControl = "private, no-cache";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        if (answer.Status == StatusCodes.Status200OK)
        {
            var etag = answer.ETag;
            response.Headers.ETag = etag;
            response.Headers.CacheControl = CacheControl;
            if (Matches(httpContext.Request.Headers.IfNoneMatch, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }
        }

        response.StatusCode = answer.Status;
        response.ContentType = answer.ContentType;
        response.ContentLength = answer.Body.Length;
        return response.Body.WriteAsync(answer.Body, httpContext.RequestAborted).AsTask();
    }

    /// <summary>RFC 9110 §13.1.2: "*", or any listed tag equal to ours under the weak comparison.</summary>
    internal static bool Matches(StringValues ifNoneMatch, string etag)
    {
        foreach (var value in ifNoneMatch)
        {
            var rest = value.AsSpan();
            while (!rest.IsEmpty)
            {
                var comma = rest.IndexOf(',');
                var item = (comma < 0 ? rest : rest[..comma]).Trim();
                rest = comma < 0 ? [] : rest[(comma + 1)..];
                if (item.StartsWith("W/", StringComparison.Ordinal))
                {
                    item = item[2..];
                }

                if (item.SequenceEqual("*") || item.SequenceEqual(etag))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
