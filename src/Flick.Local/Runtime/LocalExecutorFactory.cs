using Flick.Local.Messaging;
using Flick.Local.StateMachine;
using Flick.Pipeline.Functions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Flick.Local.Runtime;

/// <summary>
/// Builds the executor of the pipeline's state machine. Task invokers look their function up when
/// they run, not when the executor is built: the Series Starter needs the executor (to start
/// executions) and the executor needs the functions, so one side must be resolved late.
/// </summary>
public sealed class LocalExecutorFactory(IServiceProvider services, LocalOptions local, LocalEventBus bus, ILoggerFactory loggers, TimeProvider clock)
{
    public LocalStateMachineExecutor Create()
    {
        var resources = new TaskResourceRegistry();
        foreach (var name in FunctionNames.All)
        {
            var function = name;
            resources.Add(LocalPipelineStateMachine.FunctionArn(function), (input, ct) =>
                services.GetRequiredService<FunctionRegistry>().Get(function).InvokeAsync(input, ct));
        }

        resources.Add(EventBridgePutEventsIntegration.ResourceArn, new EventBridgePutEventsIntegration(bus).InvokeAsync);
        var engine = new ExecutionEngine(resources, new ExecutionEngineOptions { TimeProvider = clock, RetryDelayScale = local.RetryDelayScale });
        return new LocalStateMachineExecutor(
            LocalPipelineStateMachine.LoadDefinition(),
            engine,
            new LocalStateMachineOptions { DataDirectory = local.DataDirectory, MaxConcurrentExecutions = local.Executions },
            loggers.CreateLogger<LocalStateMachineExecutor>(),
            clock);
    }
}
