using Flick.Api.Endpoints;
using Flick.Api.Http;
using System.Net;
using Flick.Api.Options;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.FileProviders;
using Scalar.AspNetCore;

namespace Flick.Api;

public static class FlickApiApplicationBuilderExtensions
{
    private static readonly PathString ApiPrefix = "/api";

    /// <summary>
    /// The API's request pipeline, in order: the client's address from trusted proxies (when
    /// configured), problem details for errors and empty 4xx/5xx, the body size limit, the
    /// dashboard's static files (outside <c>/api</c>), routing, authentication, rate limiting,
    /// authorization, then the endpoints of <see cref="MapFlickApi"/>.
    /// </summary>
    public static IApplicationBuilder UseFlickApi(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ApplicationServices.GetRequiredService<FlickApiOptions>();
        if (options.ForwardedHeaders.Enabled)
        {
            app.UseForwardedHeaders(Forwarding(options.ForwardedHeaders));
        }

        var dashboard = new EmbeddedFileProvider(typeof(FlickApiApplicationBuilderExtensions).Assembly, "Flick.Api.Dashboard");
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BodySizeLimitMiddleware>();

        // API requests never look for a file: the file provider stays off their path.
        app.UseWhen(http => !http.Request.Path.StartsWithSegments(ApiPrefix, StringComparison.Ordinal), files =>
        {
            files.UseDefaultFiles(new DefaultFilesOptions { FileProvider = dashboard });
            files.UseStaticFiles(new StaticFileOptions { FileProvider = dashboard });
        });
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

    private static ForwardedHeadersOptions Forwarding(ForwardedHeaderSettings settings)
    {
        var forwarding = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = settings.ForwardLimit,
        };

        // Only the configured proxies: not even the loopback that ASP.NET Core trusts by default.
        forwarding.KnownProxies.Clear();
        forwarding.KnownIPNetworks.Clear();
        foreach (var proxy in settings.KnownProxies)
        {
            forwarding.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in settings.KnownNetworks)
        {
            forwarding.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        return forwarding;
    }
}
