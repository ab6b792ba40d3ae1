using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Flick.Api.Options;
using Microsoft.AspNetCore.RateLimiting;

namespace Flick.Api.Http;

/// <summary>
/// The built-in rate limiter: a token bucket per signed-in user and one per client address (both
/// must allow a request), and a tighter window on sign-in per address. A refusal is a 429 problem
/// with Retry-After.
/// </summary>
internal static class RateLimitingSetup
{
    public const string SignInPolicy = "sign-in";
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddFlickRateLimiting(this IServiceCollection services, RateLimitOptions limits)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : Period;
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Results.Problem("too many requests; try again later", statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests")
                    .ExecuteAsync(context.HttpContext);
            };
            // Partitions are keyed by the user name and by the address itself: no key is built per request.
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                    http.User.Identity is { IsAuthenticated: true, Name: { } name }
                        ? RateLimitPartition.GetTokenBucketLimiter(name, _ => Bucket(limits.PerUserPerMinute))
                        : RateLimitPartition.GetNoLimiter(string.Empty)),
                PartitionedRateLimiter.Create<HttpContext, IPAddress>(http =>
                    RateLimitPartition.GetTokenBucketLimiter(http.Connection.RemoteIpAddress ?? IPAddress.None, _ => Bucket(limits.PerAddressPerMinute))));
            o.AddPolicy(SignInPolicy, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress ?? IPAddress.None, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.TokenPerAddressPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
        });
        return services;
    }

    private static TokenBucketRateLimiterOptions Bucket(int perMinute)
    {
        var perPeriod = Math.Max(1, (int)(perMinute * Period.TotalMinutes));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = perPeriod,
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = Period,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
}
