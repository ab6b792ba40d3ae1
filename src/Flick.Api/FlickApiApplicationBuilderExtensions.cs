using Flick.Api.Endpoints;
using Flick.Api.Http;
using Flick.Api.Options;
using Microsoft.Extensions.FileProviders;
using Scalar.AspNetCore;

namespace Flick.Api;

public static class FlickApiApplicationBuilderExtensions
{
    /// <summary>
    /// The API's request pipeline, in order: problem details for errors and empty 4xx/5xx, the body
    /// size limit, the dashboard's static files, routing, authentication, rate limiting,
    /// authorization, then the endpoints of <see cref="MapFlickApi"/>.
    /// </summary>
    public static IApplicationBuilder UseFlickApi(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var dashboard = new EmbeddedFileProvider(typeof(FlickApiApplicationBuilderExtensions).Assembly, "Flick.Api.Dashboard");
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BodySizeLimitMiddleware>();
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = dashboard });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = dashboard });
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseEndpoints(endpoints => endpoints.MapFlickApi());
        return app;
    }

    /// <summary>Every endpoint group of the API, the OpenAPI document and its browser.</summary>
    public static IEndpointRouteBuilder MapFlickApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var options = routes.ServiceProvider.GetRequiredService<FlickApiOptions>();
        routes.MapHealthApi();
        routes.MapAuthApi();
        if (options.Auth == ApiAuthMode.Local)
        {
            routes.MapUsersApi();
        }

        routes.MapSeriesApi();
        routes.MapChannelsApi();
        routes.MapGamesApi();
        routes.MapRankingsApi();
        routes.MapOperationsApi();
        routes.MapWebhooksApi();
        routes.MapNotificationsApi();
        routes.MapOpenApi().AllowAnonymous().DisableRateLimiting();
        routes.MapScalarApiReference().AllowAnonymous().DisableRateLimiting();
        return routes;
    }
}
