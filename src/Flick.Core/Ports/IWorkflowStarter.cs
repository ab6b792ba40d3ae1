namespace Flick.Core.Ports;

/// <summary>Starts executions of the pipeline state machine (Step Functions StartExecution).</summary>
public interface IWorkflowStarter
{
    /// <summary>
    /// Starts an execution named <paramref name="executionName"/>. A name already used is not an
    /// error, because a redelivered message must not fail: nothing new starts, and the result names the
    /// existing execution. It says <c>AlreadyExisted</c> whenever the workflow service refused the name
    /// (another input, or an execution that has ended); an identical start while the first still runs may
    /// be answered as a plain start of that same execution, as Step Functions answers it.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not an execution name (1 to 80 characters, no whitespace, control characters or any of &lt;&gt;{}[]?*"#%\^|~`$&amp;,;:/).</exception>
    Task<WorkflowStart> StartAsync(string executionName, string inputJson, CancellationToken cancellationToken);
}
