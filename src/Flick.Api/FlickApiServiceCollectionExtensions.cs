using Flick.Api.Auth;
using Flick.Api.Caching;
using Flick.Api.Http;
using Flick.Api.Notifications;
using Flick.Api.Operations;
using Flick.Api.Options;
using Flick.Api.Queries;
using Flick.Api.Users;
using Flick.Api.Webhooks;
using Flick.Pipeline;
using Flick.Pipeline.Layout;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Flick.Api;

public static class FlickApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers the API: its use cases, cache, auth, rate limits, notifications and OpenAPI. The
    /// ports of Flick.Core (stores, queue, object store) come from the host, as for the pipeline;
    /// users and webhooks are kept in JSON files under <see cref="FlickApiOptions.DataDirectory"/>
    /// unless the host registers its own <see cref="IUserStore"/> and <see cref="IWebhookStore"/>.
    /// No I/O happens here.
    /// </summary>
    public static IServiceCollection AddFlickApi(this IServiceCollection services, FlickApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetService<PipelineOptions>()?.Buckets ?? new BucketNames());

        AddStores(services, options);
        AddCache(services, options);

        services.AddSingleton<SeriesClock>();
        services.AddSingleton<WindowCalculator>();
        services.AddSingleton<ChannelQueries>();
        services.AddSingleton<GameQueries>();
        services.AddSingleton<RankingQueries>();
        services.AddSingleton<RunQueries>();
        services.AddSingleton<RerunService>();
        services.AddSingleton<PullService>();
        services.AddSingleton<DeadLetterService>();
        services.AddSingleton<HealthService>();
        services.AddSingleton<UserService>();
        services.AddSingleton<WebhookService>();

        services.AddSingleton<NotificationBroadcaster>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddSingleton<NotificationHub>();
        services.AddSingleton<INotificationSink>(sp => sp.GetRequiredService<NotificationHub>());
        services.AddHttpClient(WebhookDispatcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });

        services.AddSingleton(new SigningKeySource(options.Auth == ApiAuthMode.Local ? options.DataDirectory : null));
        services.AddSingleton<LocalTokenIssuer>();
        services.AddFlickAuthentication(options);
        services.AddFlickRateLimiting(options.RateLimits);

        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJson.Default);
            json.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
            json.SerializerOptions.RespectNullableAnnotations = true;
            json.SerializerOptions.RespectRequiredConstructorParameters = true;
        });
        services.AddRouting();
        services.AddProblemDetails();
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer<BearerSecurityScheme>());
        return services;
    }

    private static void AddStores(IServiceCollection services, FlickApiOptions options)
    {
        if (options.DataDirectory is { } directory)
        {
            services.TryAddSingleton<IUserStore>(_ => new JsonFileUserStore(Path.Combine(directory, "users.json")));
            services.TryAddSingleton<IWebhookStore>(_ => new JsonFileWebhookStore(Path.Combine(directory, "webhooks.json")));
        }
        else
        {
            services.TryAddSingleton<IUserStore, InMemoryUserStore>();
            services.TryAddSingleton<IWebhookStore, InMemoryWebhookStore>();
        }
    }

    private static void AddCache(IServiceCollection services, FlickApiOptions options)
    {
        services.AddSingleton<RedisConnection>();
        if (!options.Cache.Enabled)
        {
            services.AddSingleton(new AnswerCache(null, null, options));
            return;
        }

        services.AddSingleton<SeriesVersions>();
        services.AddHostedService<RedisStarter>();
        if (options.Redis is not null)
        {
            services.AddSingleton<IDistributedCache, RedisDistributedCache>();
        }

        services.AddHybridCache(hybrid =>
        {
            hybrid.MaximumPayloadBytes = 32 * 1024 * 1024;
            hybrid.DefaultEntryOptions = AnswerCache.Entry(options);
        }).AddSerializer<CachedAnswer, CachedAnswerSerializer>();
        services.AddSingleton(sp => new AnswerCache(sp.GetRequiredService<HybridCache>(), sp.GetRequiredService<SeriesVersions>(), options));
    }
}
