namespace Flick.Local.StateMachine;

/// <summary>What the context object (<c>$$.Execution</c>, <c>$$.StateMachine</c>) says about an execution.</summary>
public sealed record ExecutionInfo(string ExecutionArn, string Name, DateTimeOffset StartTime, string StateMachineArn, string StateMachineName);
