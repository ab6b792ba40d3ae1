using Flick.Api.Auth;
using Flick.Api.Notifications;
using Flick.Api.Options;
using Flick.Api.Users;
using Flick.Api.Webhooks;
using Flick.Core.Ports;
using Flick.Pipeline;
using Flick.Pipeline.Layout;

namespace Flick.Api;

/// <summary>
/// Hosts the API in another process (Flick.Local): a Kestrel server of its own whose port adapters
/// are the host's, taken from the host's container. Start it after the host's stores exist; feed it
/// the pipeline's notifications through <see cref="Notifications"/>; print <see cref="AdminPassword"/>
/// when it is not null (the first start only).
/// </summary>
public sealed class FlickApiHost : IAsyncDisposable
{
    /// <summary>The ports the API reads and writes through, forwarded from the host.</summary>
    public static IReadOnlyList<Type> RequiredPorts { get; } =
    [
        typeof(IViewerMetricsStore), typeof(IRankingStore), typeof(IChannelProfileStore), typeof(IWindowRollupStore),
        typeof(IRunStore), typeof(IPullLog), typeof(IMessageQueue), typeof(IObjectStore),
    ];

    /// <summary>Taken from the host when it has them: the pipeline's settings (bucket names, sources), its clock, and stores of users and webhooks.</summary>
    public static IReadOnlyList<Type> OptionalServices { get; } =
        [typeof(PipelineOptions), typeof(BucketNames), typeof(TimeProvider), typeof(IUserStore), typeof(IWebhookStore)];

    private FlickApiHost(WebApplication app, string? adminPassword)
    {
        App = app;
        AdminPassword = adminPassword;
    }

    public WebApplication App { get; }

    /// <summary>The first admin's generated password, at the first start only; null afterwards.</summary>
    public string? AdminPassword { get; }

    public INotificationSink Notifications => App.Services.GetRequiredService<INotificationSink>();

    public Uri Address => new(App.Urls.First());

    /// <summary>Builds the API around the host's ports (see <see cref="RequiredPorts"/>) without starting it.</summary>
    public static WebApplication Build(FlickApiOptions options, IServiceProvider hostServices, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(hostServices);
        var missing = RequiredPorts.Where(t => hostServices.GetService(t) is null).Select(t => t.Name).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("The host does not provide the API's ports: " + string.Join(", ", missing));
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FlickApiHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.WebHost.UseUrls(options.Url);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
        foreach (var type in RequiredPorts.Concat(OptionalServices))
        {
            if (hostServices.GetService(type) is { } service)
            {
                builder.Services.AddSingleton(type, service);
            }
        }

        builder.Services.AddFlickApi(options);
        var app = builder.Build();
        app.UseFlickApi();
        return app;
    }

    /// <summary>Builds, prepares (signing key, first admin) and starts the API.</summary>
    public static async Task<FlickApiHost> StartAsync(FlickApiOptions options, IServiceProvider hostServices, Action<ILoggingBuilder>? logging, CancellationToken ct)
    {
        var app = Build(options, hostServices, logging);
        var password = await app.Services.PrepareFlickApiAsync(ct);
        await app.StartAsync(ct);
        return new FlickApiHost(app, password);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
