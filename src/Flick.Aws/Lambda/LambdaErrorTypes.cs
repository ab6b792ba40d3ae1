namespace Flick.Aws.Lambda;

/// <summary>The error types the host reports itself; every other error type is the exception's type name.</summary>
public static class LambdaErrorTypes
{
    /// <summary>
    /// The handler was still running when the host cancelled it, shortly before the deadline. It is the
    /// type Lambda itself reports for a timed-out invocation, so that alarms, dashboards and Step
    /// Functions retries treat the host's early cancellation exactly like Lambda's own timeout.
    /// </summary>
    public const string Timeout = "Sandbox.Timedout";
}
