using Flick.Core.Ports;
using Flick.Local.Data;
using Flick.Local.Messaging;
using Flick.Local.StateMachine;
using Flick.Local.Storage;
using Flick.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Flick.Local.Runtime;

public static class LocalServiceCollectionExtensions
{
    /// <summary>
    /// The embedded adapters behind every port, and the pipeline on top of them. Nothing here opens
    /// a file or a socket: <see cref="LocalRuntime"/> initialises them when it starts.
    /// </summary>
    public static IServiceCollection AddFlickLocal(this IServiceCollection services, LocalOptions local, PipelineOptions pipeline, IReadOnlyDictionary<string, SourceCredential> credentials)
    {
        ArgumentNullException.ThrowIfNull(local);
        services.AddSingleton(local);
        services.AddSingleton(TimeProvider.System);

        services.AddFlickSqliteStores(local.DataDirectory);

        services.AddSingleton(new SqliteMessageQueueOptions(local.DataDirectory));
        services.AddSingleton<SqliteMessageQueue>();
        services.AddSingleton<IMessageQueue>(sp => sp.GetRequiredService<SqliteMessageQueue>());
        services.AddSingleton<LocalEventBus>();
        services.AddSingleton<IEventBus>(sp => sp.GetRequiredService<LocalEventBus>());
        services.AddSingleton<LocalObjectEvents>();
        services.AddSingleton<IObjectCreatedListener>(sp => sp.GetRequiredService<LocalObjectEvents>());
        services.AddFlickFolderObjectStore(Path.Combine(local.DataDirectory, "buckets"));

        services.AddSingleton<ISourceCredentials>(new ConfiguredCredentials(credentials));
        services.AddSingleton<LocalExecutorFactory>();
        services.AddSingleton(sp => sp.GetRequiredService<LocalExecutorFactory>().Create());
        services.AddSingleton<IWorkflowStarter>(sp => sp.GetRequiredService<LocalStateMachineExecutor>());

        services.AddFlickPipeline(pipeline);
        services.AddSingleton<RawImport>();
        services.AddSingleton<LocalRuntime>();
        return services;
    }
}
