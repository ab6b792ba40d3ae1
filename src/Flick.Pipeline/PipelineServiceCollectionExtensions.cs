using Flick.Pipeline.Functions;
using Flick.Pipeline.Gold;
using Flick.Pipeline.Ingest;
using Flick.Pipeline.Pulls;
using Flick.Pipeline.Sources;
using Flick.Pipeline.Steps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Flick.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the pipeline's use cases and every function handler. The ports (stores, queues,
    /// bus, workflow starter, credentials) are registered by the hosting layer: Flick.Local or the
    /// AWS adapters. No I/O happens here.
    /// </summary>
    public static IServiceCollection AddFlickPipeline(this IServiceCollection services, PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        services.AddSingleton(options);
        services.AddSingleton(options.Buckets);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GoldWriter>();
        services.AddSingleton<SlotLoader>();
        services.AddSingleton(sp => new RawObjectIngestor(
            sp.GetRequiredService<Core.Ports.IObjectStore>(),
            options.Buckets,
            sp.GetRequiredService<TimeProvider>(),
            options.ShareParsedSlots ? sp.GetRequiredService<SlotLoader>() : null));
        services.AddSingleton<SlotSteps>();
        services.AddSingleton<RunSteps>();
        services.AddSingleton<Puller>();
        services.AddHelixClient();

        services.AddSingleton<IFunctionHandler, PullerFunction>();
        services.AddSingleton<IFunctionHandler, BackgroundStarterFunction>();
        services.AddSingleton<IFunctionHandler, SeriesStarterFunction>();
        services.AddSingleton<IFunctionHandler, PrepareFunction>();
        services.AddSingleton<IFunctionHandler, ViewersFunction>();
        services.AddSingleton<IFunctionHandler, ChannelFunction>();
        services.AddSingleton<IFunctionHandler, RankingsFunction>();
        services.AddSingleton<IFunctionHandler, FinalizeFunction>();
        services.AddSingleton<IFunctionHandler, FailureFunction>();
        services.AddSingleton<FunctionRegistry>();
        return services;
    }
}
