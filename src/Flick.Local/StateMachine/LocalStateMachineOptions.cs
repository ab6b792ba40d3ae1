namespace Flick.Local.StateMachine;

public sealed class LocalStateMachineOptions
{
    /// <summary>The runtime's data folder; executions are kept in <c>executions.db</c> inside it.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>How many executions run at once; the others wait their turn, still RUNNING as in AWS.</summary>
    public int MaxConcurrentExecutions { get; init; } = 2;

    public string StateMachineName { get; init; } = "flick-pipeline";

    /// <summary>Region and account of the ARNs the local runtime hands out; they only need to look like AWS's.</summary>
    public string Region { get; init; } = "local";

    public string AccountId { get; init; } = "000000000000";

    public string DatabasePath => Path.Combine(DataDirectory, "executions.db");

    public string StateMachineArn => $"arn:aws:states:{Region}:{AccountId}:stateMachine:{StateMachineName}";

    public string ExecutionArn(string executionName) => $"arn:aws:states:{Region}:{AccountId}:execution:{StateMachineName}:{executionName}";

    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            throw new ArgumentException("DataDirectory is required.", nameof(DataDirectory));
        }

        if (MaxConcurrentExecutions < 1)
        {
            throw new ArgumentException("MaxConcurrentExecutions must be at least 1.", nameof(MaxConcurrentExecutions));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(StateMachineName);
    }
}
