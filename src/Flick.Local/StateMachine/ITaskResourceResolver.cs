namespace Flick.Local.StateMachine;

/// <summary>Maps a Task state's Resource (a Lambda function ARN, a service integration ARN) to the code that runs it.</summary>
public interface ITaskResourceResolver
{
    /// <summary>
    /// The invoker for <paramref name="resource"/>, or null when it is unknown. An invoker takes the
    /// task's input JSON and returns its result JSON; it throws to fail the task.
    /// </summary>
    Func<string, CancellationToken, Task<string>>? Resolve(string resource);
}
