using Flick.Api.Options;
using Microsoft.AspNetCore.Http.Features;

namespace Flick.Api.Http;

/// <summary>
/// Refuses a request body over <see cref="FlickApiOptions.MaxRequestBodyBytes"/> with 413, before
/// anything reads it: by its Content-Length when it has one, else while it is read (through the
/// server's own limit when it has one, as Kestrel does, else by counting).
/// </summary>
public sealed class BodySizeLimitMiddleware(RequestDelegate next, FlickApiOptions options)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var max = options.MaxRequestBodyBytes;
        if (context.Request.ContentLength > max)
        {
            return Results.Problem($"the request body is larger than {max} bytes", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large")
                .ExecuteAsync(context);
        }

        if (context.Request.ContentLength is null)
        {
            var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (feature is { IsReadOnly: false })
            {
                feature.MaxRequestBodySize = max;
            }
            else if (context.Request.Body.CanRead)
            {
                context.Request.Body = new LimitedReadStream(context.Request.Body, max);
            }
        }

        return next(context);
    }
}
