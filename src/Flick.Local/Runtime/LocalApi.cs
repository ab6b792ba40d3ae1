using Flick.Api;
using Flick.Api.Options;
using Flick.Local.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Flick.Local.Runtime;

/// <summary>
/// Serves the search API and the dashboard from the runtime's own stores while Flick keeps
/// pulling, and feeds it the pipeline's "SeriesReady"/"SeriesFailed" events (cache invalidation,
/// the notification stream, webhooks). Not started in <c>--once</c> mode: nothing would stay to serve.
/// </summary>
public static class LocalApi
{
    public static async Task<FlickApiHost?> StartAsync(LocalHost host, LocalOptions options, LogLevel level, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Once || options.NoApi)
        {
            return null;
        }

        await host.Runtime.InitializeAsync(ct);
        // The API's finer settings (cache switch, rate limits, trusted proxies…) come from the environment,
        // e.g. Flick__Api__Cache__Enabled=false; the command line decides the address, data and Redis.
        var apiOptions = FlickApiOptions.FromConfiguration(new ConfigurationBuilder().AddEnvironmentVariables().Build());
        apiOptions.Url = options.ApiUrl.GetLeftPart(UriPartial.Authority);
        apiOptions.DataDirectory = options.DataDirectory;
        apiOptions.Redis = options.Redis ?? apiOptions.Redis;
        var api = await FlickApiHost.StartAsync(
            apiOptions,
            host.Services,
            b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(level),
            ct);
        host.Services.GetRequiredService<LocalEventBus>().AddRule(
            "series-api",
            """{"source":["flick.pipeline"],"detail-type":["SeriesReady","SeriesFailed"]}""",
            async (envelope, token) => await api.Notifications.PublishAsync(envelope, token));

        Console.WriteLine($"Dashboard and API: {api.Address} (OpenAPI at {new Uri(api.Address, "openapi/v1.json")})");
        if (api.AdminPassword is { } password)
        {
            Console.WriteLine($"First start: the API user 'admin' has the password {password} — it is shown only this once.");
        }

        return api;
    }
}
