using Flick.Core.Ports;

namespace Flick.Aws.Workflow;

/// <summary>
/// The workflow starter of a deployment without a state machine (no <c>FLICK_STATE_MACHINE_ARN</c>). The
/// function registry builds every function, the Series Starter included, so the port must resolve; using it
/// fails with what to set, rather than starting nothing in silence.
/// </summary>
internal sealed class UnconfiguredWorkflowStarter : IWorkflowStarter
{
    public Task<WorkflowStart> StartAsync(string executionName, string inputJson, CancellationToken cancellationToken) =>
        throw new InvalidOperationException(
            "No Step Functions state machine is configured (FLICK_STATE_MACHINE_ARN / AwsOptions.StateMachineArn is not set): executions cannot be started.");
}
