using Flick.Core.Ports;
using Flick.Pipeline.Functions;
using Flick.Pipeline.StateMachine;

namespace Flick.Local.StateMachine;

/// <summary>
/// Binds the pipeline's definition to the local runtime: local function ARNs in place of the
/// deployed ones, and the handlers and the event bus behind them.
/// </summary>
public static class LocalPipelineStateMachine
{
    public const string DefaultEventBusName = "flick";

    private static readonly (string Placeholder, string Function)[] FunctionPlaceholders =
    [
        ("PrepareFunctionArn", FunctionNames.Prepare),
        ("ViewersFunctionArn", FunctionNames.Viewers),
        ("ChannelFunctionArn", FunctionNames.Channel),
        ("RankingsFunctionArn", FunctionNames.Rankings),
        ("FinalizeFunctionArn", FunctionNames.Finalize),
        ("FailureFunctionArn", FunctionNames.Failure),
    ];

    /// <summary>The ARN the local definition gives a pipeline function, e.g. <c>…:function:flick-prepare</c>.</summary>
    public static string FunctionArn(string functionName) => $"arn:aws:lambda:local:000000000000:function:flick-{functionName}";

    /// <summary>The <c>DefinitionSubstitutions</c> of the local runtime.</summary>
    public static IReadOnlyDictionary<string, string> Substitutions(string eventBusName = DefaultEventBusName)
    {
        var substitutions = FunctionPlaceholders.ToDictionary(p => p.Placeholder, p => FunctionArn(p.Function), StringComparer.Ordinal);
        substitutions["EventBusName"] = eventBusName;
        return substitutions;
    }

    /// <summary>The embedded pipeline definition with the local substitutions, parsed.</summary>
    public static AslDefinition LoadDefinition(string eventBusName = DefaultEventBusName) =>
        AslDefinition.Parse(StateMachineDefinition.Substitute(StateMachineDefinition.Load(), Substitutions(eventBusName)));

    /// <summary>Every handler under its local ARN, and <c>events:putEvents</c> delivering to <paramref name="bus"/>.</summary>
    public static TaskResourceRegistry CreateResources(IEnumerable<IFunctionHandler> handlers, IEventBus bus)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(bus);
        var registry = new TaskResourceRegistry();
        foreach (var handler in handlers)
        {
            registry.Add(FunctionArn(handler.Name), handler.InvokeAsync);
        }

        return registry.Add(EventBridgePutEventsIntegration.ResourceArn, new EventBridgePutEventsIntegration(bus).InvokeAsync);
    }
}
