namespace Flick.Aws.Lambda;

/// <summary>What a handler may know about the invocation it serves.</summary>
/// <param name="FunctionName">The pipeline function (<c>_HANDLER</c>) this process serves.</param>
/// <param name="Invocation">The invocation as the Runtime API described it.</param>
public sealed record LambdaContext(string FunctionName, LambdaInvocation Invocation)
{
    public string RequestId => Invocation.RequestId;

    public DateTimeOffset Deadline => Invocation.Deadline;

    public string? TraceId => Invocation.TraceId;

    public TimeSpan RemainingTime(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Deadline - time.GetUtcNow();
    }
}
