namespace Flick.Aws.Workflow;

/// <summary>The state machine that <see cref="StepFunctionsWorkflowStarter"/> starts executions of.</summary>
public sealed record StepFunctionsOptions
{
    /// <summary><c>arn:PARTITION:states:REGION:ACCOUNT:stateMachine:NAME</c>.</summary>
    public required string StateMachineArn { get; init; }

    /// <exception cref="ArgumentException">The ARN is not a state machine ARN.</exception>
    public void Validate() => _ = StateMachineArnParts.Parse(StateMachineArn);
}
