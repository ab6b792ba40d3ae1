using Flick.Api.Auth;
using Flick.Api.Contracts;
using Flick.Api.Http;
using Flick.Api.Queries;

namespace Flick.Api.Endpoints;

public static class ChannelsApi
{
    public static RouteGroupBuilder MapChannelsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/series/{seriesId}/channels").WithTags("Channels").RequireAuthorization(ApiPolicies.Viewer);

        group.MapGet("/", (string seriesId, string? q, string? limit, ChannelQueries queries, CancellationToken ct) =>
                Answer(queries.SearchAsync(seriesId, q, limit, ct)))
            .WithName("SearchChannels").WithSummary("Channels whose login or name contains q, by peak viewers")
            .Produces<ChannelSearchResult>().ProducesValidationProblem();

        group.MapGet("/{userId}", (string seriesId, string userId, string? from, string? to, ChannelQueries queries, CancellationToken ct) =>
                Answer(queries.DetailAsync(seriesId, userId, from, to, ct)))
            .WithName("GetChannel").WithSummary("A channel's profile, and its peak, average and hours watched over [from, to) (default: the last 24 hours of data)")
            .Produces<ChannelDetail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{userId}/viewers", (string seriesId, string userId, string? from, string? to, string? step, ChannelQueries queries, CancellationToken ct) =>
                Answer(queries.ViewersAsync(seriesId, userId, from, to, step, ct)))
            .WithName("GetChannelViewers").WithSummary("A channel's concurrent viewers over [from, to), average and max per step (1m, 5m, 1h, 1d)")
            .Produces<ChannelViewerSeries>().ProducesValidationProblem();

        return group;
    }

    internal static async Task<IResult> Answer(Task<Outcome<Caching.CachedAnswer>> outcome) => (await outcome).ToResult();
}
