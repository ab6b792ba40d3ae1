namespace Flick.Core.Ports;

public sealed record WorkflowStart(string ExecutionArn, bool AlreadyExisted);
