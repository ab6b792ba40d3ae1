using Microsoft.Extensions.Logging;

namespace Flick.Local.StateMachine;

public sealed partial class LocalStateMachineExecutor
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Execution {Name} started")]
    private partial void LogStarted(string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Execution {Name} already exists with a different input; AWS would refuse it with ExecutionAlreadyExists, and nothing was started")]
    private partial void LogDifferentInput(string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming {Count} executions left RUNNING by a previous process")]
    private partial void LogResumed(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Execution {Name} ended {Status} {Error}")]
    private partial void LogFinished(string name, ExecutionStatus status, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Execution {Name} hit a fault of the executor")]
    private partial void LogExecutorFault(Exception exception, string name);

    [LoggerMessage(Level = LogLevel.Error, Message = "Execution {Name} could not be stored as finished; it stays RUNNING and is resumed at the next start")]
    private partial void LogStoreFailure(Exception exception, string name);

    [LoggerMessage(Level = LogLevel.Error, Message = "An ExecutionFinished handler failed for {Name}")]
    private partial void LogHandlerFailure(Exception exception, string name);
}
