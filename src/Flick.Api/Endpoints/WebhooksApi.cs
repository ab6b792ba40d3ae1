using Flick.Api.Auth;
using Flick.Api.Contracts;
using Flick.Api.Http;
using Flick.Api.Webhooks;
using Microsoft.AspNetCore.Mvc;

namespace Flick.Api.Endpoints;

public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/webhooks").WithTags("Webhooks").RequireAuthorization(ApiPolicies.Admin);

        group.MapGet("/", async (WebhookService webhooks, CancellationToken ct) => TypedResults.Ok(await webhooks.ListAsync(ct)))
            .WithName("ListWebhooks").WithSummary("Registered webhooks (without their secrets)");

        group.MapPost("/", async ([FromBody] CreateWebhookRequest request, WebhookService webhooks, CancellationToken ct) =>
                (await webhooks.CreateAsync(request, ct)).ToResult(w => TypedResults.Created($"/api/webhooks/{w.Id}", w)))
            .WithName("CreateWebhook").WithSummary("Registers a webhook; its HMAC-SHA256 signing secret is returned once")
            .Produces<CreatedWebhook>(StatusCodes.Status201Created).ProducesValidationProblem();

        group.MapDelete("/{id}", async (string id, WebhookService webhooks, CancellationToken ct) =>
                (await webhooks.DeleteAsync(id, ct)).ToResult(_ => TypedResults.NoContent()))
            .WithName("DeleteWebhook").WithSummary("Removes a webhook and its delivery log")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id}/deliveries", async (string id, string? limit, WebhookService webhooks, CancellationToken ct) =>
                (await webhooks.DeliveriesAsync(id, limit, ct)).ToResult(TypedResults.Ok))
            .WithName("ListWebhookDeliveries").WithSummary("A webhook's latest delivery attempts, newest first")
            .Produces<DeliveryList>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }
}
