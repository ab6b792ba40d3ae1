using System.Text.Json.Nodes;

namespace Flick.Local.StateMachine;

/// <summary>
/// Runs executions of a definition in memory, with the States Language semantics of AWS Step
/// Functions for what it implements (see <see cref="AslParser"/> for what it refuses). It stores
/// nothing: LocalStateMachineExecutor adds durability.
/// </summary>
public sealed class ExecutionEngine
{
    private readonly ITaskResourceResolver _resources;
    private readonly ExecutionEngineOptions _options;

    public ExecutionEngine(ITaskResourceResolver resources, ExecutionEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(resources);
        _resources = resources;
        _options = options ?? new ExecutionEngineOptions();
    }

    /// <summary>Checks that every Task Resource of <paramref name="definition"/> has an invoker.</summary>
    /// <exception cref="AslDefinitionException">Some resources are unknown; the message lists them.</exception>
    public void EnsureResourcesResolve(AslDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var unknown = definition.Resources.Where(r => _resources.Resolve(r) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new AslDefinitionException(
                $"The definition uses task resources that have no local invoker: {string.Join(", ", unknown)}. "
                + "Register them, or check the definition's placeholders were substituted with the local ARNs.");
        }
    }

    /// <summary>Runs one execution to its end and returns its output.</summary>
    /// <exception cref="ExecutionFailedException">The execution failed (a Fail state, or an error nothing caught).</exception>
    /// <exception cref="AslDefinitionException">A task resource has no invoker.</exception>
    public async Task<JsonNode?> RunAsync(AslDefinition definition, JsonNode? input, ExecutionInfo execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(execution);
        EnsureResourcesResolve(definition);
        var inputJson = input?.ToJsonString() ?? "null";
        var scope = new ExecutionScope(_resources, _options, execution, inputJson);
        try
        {
            return await new StateRunner(scope).RunMachineAsync(definition.Root, JsonNode.Parse(inputJson), cancellationToken);
        }
        catch (StatesErrorException e)
        {
            throw new ExecutionFailedException(e.Error, e.Cause);
        }
    }
}
