using Flick.Api.Contracts;
using Flick.Api.Operations;

namespace Flick.Api.Endpoints;

/// <summary>Liveness and readiness, open to anyone and never rate limited (load balancers poll them).</summary>
public static class HealthApi
{
    public static RouteGroupBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/health").WithTags("Health").AllowAnonymous().DisableRateLimiting();

        group.MapGet("/live", () => TypedResults.Ok(new ComponentHealth("live", null)))
            .WithName("Live").WithSummary("The process answers");

        group.MapGet("/ready", async (HealthService health, CancellationToken ct) =>
            {
                var report = await health.CheckAsync(ct);
                return TypedResults.Json(report, ApiJson.Default.HealthReport,
                    statusCode: report.Status == "unavailable" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
            })
            .WithName("Ready").WithSummary("Store and Redis state: ready, degraded (Redis down) or unavailable (store down, 503)")
            .Produces<HealthReport>().Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);

        return group;
    }
}
