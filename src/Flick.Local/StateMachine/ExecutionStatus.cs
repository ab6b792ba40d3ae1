namespace Flick.Local.StateMachine;

/// <summary>An execution's status, stored as Step Functions spells it (RUNNING, SUCCEEDED, FAILED).</summary>
public enum ExecutionStatus
{
    Running,
    Succeeded,
    Failed,
}
