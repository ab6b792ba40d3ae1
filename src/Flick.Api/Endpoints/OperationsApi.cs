using Flick.Api.Auth;
using Flick.Api.Contracts;
using Flick.Api.Http;
using Flick.Api.Operations;
using Microsoft.AspNetCore.Mvc;

namespace Flick.Api.Endpoints;

/// <summary>Manual pulls and dead letters.</summary>
public static class OperationsApi
{
    public static RouteGroupBuilder MapOperationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Operations").RequireAuthorization(ApiPolicies.Operator);

        group.MapGet("/sources", (PullService pulls) => TypedResults.Ok(pulls.Sources()))
            .WithName("ListSources").WithSummary("The sources a manual pull may name");

        group.MapPost("/pulls", async ([FromBody] PullRequestBody request, PullService pulls, CancellationToken ct) =>
                (await pulls.RequestAsync(request, ct)).ToResult(p => TypedResults.Accepted($"/api/pulls?source={p.Source}", p)))
            .WithName("RequestPull").WithSummary("Queues a pull of a source (now, or for the minute at)")
            .Produces<PullAccepted>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/pulls", async (string? source, string? limit, PullService pulls, CancellationToken ct) =>
                (await pulls.ListAsync(source, limit, ct)).ToResult(TypedResults.Ok))
            .WithName("ListPulls").WithSummary("The latest pulls of a source, newest first")
            .Produces<PullList>().ProducesValidationProblem();

        group.MapGet("/dead-letters/{queue}", async (string queue, string? limit, DeadLetterService deadLetters, CancellationToken ct) =>
                (await deadLetters.ListAsync(queue, limit, ct)).ToResult(TypedResults.Ok))
            .WithName("ListDeadLetters").WithSummary("Messages in a queue's dead-letter queue, oldest first")
            .Produces<DeadLetterList>().ProducesValidationProblem();

        group.MapPost("/dead-letters/{queue}/redrive", async (string queue, DeadLetterService deadLetters, CancellationToken ct) =>
                (await deadLetters.RedriveAsync(queue, ct)).ToResult(TypedResults.Ok))
            .WithName("RedriveDeadLetters").WithSummary("Moves a queue's dead letters back to the queue")
            .Produces<RedriveResult>().ProducesValidationProblem();

        return group;
    }
}
