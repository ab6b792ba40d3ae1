using Flick.Api.Auth;
using Flick.Api.Contracts;
using Flick.Api.Queries;

namespace Flick.Api.Endpoints;

public static class GamesApi
{
    public static RouteGroupBuilder MapGamesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/series/{seriesId}/games").WithTags("Games").RequireAuthorization(ApiPolicies.Viewer);

        group.MapGet("/", (string seriesId, string? q, string? from, string? to, string? limit, GameQueries queries, CancellationToken ct) =>
                ChannelsApi.Answer(queries.SearchAsync(seriesId, q, from, to, limit, ct)))
            .WithName("SearchGames").WithSummary("Games whose id or name contains q, by viewer-minutes over [from, to)")
            .Produces<GameSearchResult>().ProducesValidationProblem();

        group.MapGet("/{gameId}/viewers", (string seriesId, string gameId, string? from, string? to, string? step, GameQueries queries, CancellationToken ct) =>
                ChannelsApi.Answer(queries.ViewersAsync(seriesId, gameId, from, to, step, ct)))
            .WithName("GetGameViewers").WithSummary("A game's viewers and channels over [from, to), average and max per step")
            .Produces<GameViewerSeries>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }
}
