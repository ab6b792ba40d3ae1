namespace Flick.Local.StateMachine;

/// <summary>
/// One execution as DescribeExecution shows it: <see cref="Output"/> when it succeeded,
/// <see cref="Error"/> and <see cref="Cause"/> when it failed, no <see cref="StopDate"/> while running.
/// </summary>
public sealed record ExecutionRecord
{
    public required string Name { get; init; }
    public required string ExecutionArn { get; init; }
    public required string Input { get; init; }
    public ExecutionStatus Status { get; init; }
    public DateTimeOffset StartDate { get; init; }
    public DateTimeOffset? StopDate { get; init; }
    public string? Output { get; init; }
    public string? Error { get; init; }
    public string? Cause { get; init; }
}
