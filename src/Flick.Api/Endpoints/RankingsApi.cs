using Flick.Api.Auth;
using Flick.Api.Contracts;
using Flick.Api.Queries;

namespace Flick.Api.Endpoints;

public static class RankingsApi
{
    public static RouteGroupBuilder MapRankingsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/series/{seriesId}/rankings").WithTags("Rankings").RequireAuthorization(ApiPolicies.Viewer);

        group.MapGet("/channels/minute", (string seriesId, string? at, string? limit, RankingQueries queries, CancellationToken ct) =>
                ChannelsApi.Answer(queries.MinuteChannelsAsync(seriesId, at, limit, ct)))
            .WithName("GetMinuteChannelRanking").WithSummary("Top channels of a minute (default: the latest), with their place the minute before")
            .Produces<MinuteChannelRanking>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/games/minute", (string seriesId, string? at, string? limit, RankingQueries queries, CancellationToken ct) =>
                ChannelsApi.Answer(queries.MinuteGamesAsync(seriesId, at, limit, ct)))
            .WithName("GetMinuteGameRanking").WithSummary("Top games of a minute (default: the latest), with their place the minute before")
            .Produces<MinuteGameRanking>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/channels/window", (string seriesId, string? from, string? to, string? limit, RankingQueries queries, CancellationToken ct) =>
                ChannelsApi.Answer(queries.WindowChannelsAsync(seriesId, from, to, limit, ct)))
            .WithName("GetWindowChannelRanking").WithSummary("Channels over [from, to) by viewer-minutes, with peak, average, minutes live and rank change against the previous window")
            .Produces<ChannelWindowRanking>().ProducesValidationProblem();

        group.MapGet("/games/window", (string seriesId, string? from, string? to, string? limit, RankingQueries queries, CancellationToken ct) =>
                ChannelsApi.Answer(queries.WindowGamesAsync(seriesId, from, to, limit, ct)))
            .WithName("GetWindowGameRanking").WithSummary("Games over [from, to) by viewer-minutes, with peak, average and rank change against the previous window")
            .Produces<GameWindowRanking>().ProducesValidationProblem();

        return group;
    }
}
