namespace Flick.Aws.Lambda;

/// <summary>How the bootstrap process ends. Lambda starts a fresh execution environment after any exit.</summary>
public static class LambdaExitCodes
{
    /// <summary>The host was asked to stop (never in Lambda, where the environment is frozen or killed).</summary>
    public const int Stopped = 0;

    /// <summary>The handler could not be built; the init error was posted.</summary>
    public const int InitFailed = 1;

    /// <summary>The Runtime API could not be reached or refused a request: nothing more can be reported.</summary>
    public const int RuntimeApiFailed = 2;

    /// <summary>A handler ignored its cancellation past the grace period: its timeout was reported, and the
    /// process ends rather than serve the next invocation beside a runaway one.</summary>
    public const int HandlerAbandoned = 3;

    /// <summary>The process was started without the environment Lambda gives a custom runtime.</summary>
    public const int NotInLambda = 64;
}
