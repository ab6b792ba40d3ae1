namespace Flick.Aws.Lambda;

/// <summary>One event handed out by the Runtime API's <c>invocation/next</c>, with the headers that describe it.</summary>
/// <param name="RequestId"><c>Lambda-Runtime-Aws-Request-Id</c>.</param>
/// <param name="Payload">The event, exactly as the trigger delivered it.</param>
/// <param name="Deadline"><c>Lambda-Runtime-Deadline-Ms</c>: when Lambda ends the invocation.</param>
/// <param name="InvokedFunctionArn"><c>Lambda-Runtime-Invoked-Function-Arn</c>.</param>
/// <param name="TraceId"><c>Lambda-Runtime-Trace-Id</c>, exported as <c>_X_AMZN_TRACE_ID</c> while the invocation runs.</param>
/// <param name="ClientContext"><c>Lambda-Runtime-Client-Context</c> (mobile SDK invocations only).</param>
/// <param name="CognitoIdentity"><c>Lambda-Runtime-Cognito-Identity</c> (mobile SDK invocations only).</param>
public sealed record LambdaInvocation(
    string RequestId,
    string Payload,
    DateTimeOffset Deadline,
    string? InvokedFunctionArn,
    string? TraceId,
    string? ClientContext,
    string? CognitoIdentity);
