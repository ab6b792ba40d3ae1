namespace Flick.Core.Ports;

/// <summary>Starts executions of the pipeline state machine (Step Functions StartExecution).</summary>
public interface IWorkflowStarter
{
    /// <summary>
    /// Starts an execution named <paramref name="executionName"/>. A name already used is not an
    /// error: the result says so, because a redelivered message must not fail.
    /// </summary>
    Task<WorkflowStart> StartAsync(string executionName, string inputJson, CancellationToken cancellationToken);
}
