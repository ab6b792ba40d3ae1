namespace Flick.Aws.Workflow;

/// <summary>The parts of a state machine ARN, from which its executions' ARNs are built.</summary>
internal sealed record StateMachineArnParts(string Partition, string Region, string Account, string Name)
{
    /// <exception cref="ArgumentException">The text is not <c>arn:PARTITION:states:REGION:ACCOUNT:stateMachine:NAME</c>.</exception>
    public static StateMachineArnParts Parse(string? arn)
    {
        var parts = arn?.Split(':');
        if (parts is not ["arn", { Length: > 0 } partition, "states", { Length: > 0 } region, { Length: > 0 } account, "stateMachine", { Length: > 0 } name])
        {
            throw new ArgumentException($"'{arn}' is not a state machine ARN (arn:PARTITION:states:REGION:ACCOUNT:stateMachine:NAME).", nameof(arn));
        }

        return new StateMachineArnParts(partition, region, account, name);
    }

    /// <summary>The ARN Step Functions gives the execution named <paramref name="executionName"/> of this state machine.</summary>
    public string ExecutionArn(string executionName) => $"arn:{Partition}:states:{Region}:{Account}:execution:{Name}:{executionName}";
}
