namespace Flick.Local.StateMachine;

/// <summary>An execution ended in failure: a Fail state, or an error no catcher handled.</summary>
public sealed class ExecutionFailedException : Exception
{
    public ExecutionFailedException(string error, string? cause)
        : base(cause is null ? $"The execution failed with {error}." : $"The execution failed with {error}: {cause}")
    {
        Error = error;
        Cause = cause;
    }

    public string Error { get; }

    public string? Cause { get; }
}
