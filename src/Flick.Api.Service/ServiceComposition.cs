using Flick.Aws;
using Flick.Core.Ports;
using Flick.Pipeline;

namespace Flick.Api.Service;

/// <summary>
/// The composition root of the API service ("Search EC Service" on ECS Fargate): the API over the AWS
/// adapters, fed the pipeline's notifications from an SQS queue. The same <see cref="FlickApiHost"/>
/// that Flick.Local hosts over its embedded stores.
/// </summary>
public static class ServiceComposition
{
    /// <summary>The ports and settings the API takes from its host, over AWS. No I/O happens here.</summary>
    /// <param name="configure">Applied last: replaces registrations (tests give the SDK clients explicit credentials).</param>
    public static ServiceProvider BuildHostServices(ServiceSettings settings, ILoggerFactory loggerFactory, Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var services = new ServiceCollection();
        services.AddSingleton(loggerFactory);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton(settings.Pipeline);
        services.AddSingleton(settings.Pipeline.Buckets);
        services.AddFlickAws(settings.Aws);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>Starts the API and, when a notification queue is configured, the loop that feeds it.</summary>
    public static async Task<(FlickApiHost Api, NotificationQueuePoller? Poller)> StartAsync(
        ServiceSettings settings, IServiceProvider hostServices, Action<ILoggingBuilder>? logging, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var api = await FlickApiHost.StartAsync(settings.Api, hostServices, logging, ct);
        NotificationQueuePoller? poller = null;
        if (settings.NotificationQueue is { } queue)
        {
            poller = new NotificationQueuePoller(
                hostServices.GetRequiredService<IMessageQueue>(), queue, api.Notifications,
                api.App.Services.GetRequiredService<ILogger<NotificationQueuePoller>>());
            poller.Start();
        }

        return (api, poller);
    }
}
