using Flick.Api.Auth;
using Flick.Api.Contracts;
using Flick.Api.Http;
using Flick.Api.Operations;
using Microsoft.AspNetCore.Mvc;

namespace Flick.Api.Endpoints;

/// <summary>Series, their runs, and re-runs.</summary>
public static class SeriesApi
{
    public static IEndpointRouteBuilder MapSeriesApi(this IEndpointRouteBuilder routes)
    {
        var series = routes.MapGroup("/api/series").WithTags("Series and runs");

        series.MapGet("/", async (RunQueries runs, CancellationToken ct) => TypedResults.Ok(await runs.SeriesAsync(ct)))
            .WithName("ListSeries").WithSummary("The series that have at least one run")
            .RequireAuthorization(ApiPolicies.Viewer);

        series.MapGet("/{seriesId}/runs", async (string seriesId, string? status, string? limit, RunQueries runs, CancellationToken ct) =>
                (await runs.ListAsync(seriesId, status, limit, ct)).ToResult(TypedResults.Ok))
            .WithName("ListRuns").WithSummary("Runs of a series, newest first, optionally only those of one status")
            .Produces<RunList>().ProducesValidationProblem()
            .RequireAuthorization(ApiPolicies.Operator);

        series.MapPost("/{seriesId}/runs", async (string seriesId, [FromBody] RerunRequest? request,
                [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, RerunService reruns, CancellationToken ct) =>
                (await reruns.RerunAsync(seriesId, request, idempotencyKey, ct)).ToResult(run => TypedResults.Accepted($"/api/runs/{run.RunId}", run)))
            .WithName("RerunSeries").WithSummary("Re-runs a series, whole or over [from, to): writes a run manifest, which starts the run; follow it at the Location")
            .Produces<RerunAccepted>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiPolicies.Operator);

        routes.MapGet("/api/runs/{runId}", async (string runId, RunQueries runs, CancellationToken ct) =>
                (await runs.GetAsync(runId, ct)).ToResult(TypedResults.Ok))
            .WithTags("Series and runs").WithName("GetRun").WithSummary("A run: status, slots done, failure")
            .Produces<RunView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiPolicies.Operator);

        return routes;
    }
}
