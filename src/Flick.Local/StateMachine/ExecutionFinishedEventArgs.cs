namespace Flick.Local.StateMachine;

public sealed class ExecutionFinishedEventArgs(ExecutionRecord execution) : EventArgs
{
    /// <summary>The execution as stored when it ended (SUCCEEDED or FAILED).</summary>
    public ExecutionRecord Execution { get; } = execution;
}
