namespace Flick.Aws.Lambda;

/// <summary>The invocation the current async flow serves, so that a log line can name its request id.</summary>
internal static class InvocationScope
{
    private static readonly AsyncLocal<LambdaContext?> CurrentContext = new();

    public static LambdaContext? Current
    {
        get => CurrentContext.Value;
        set => CurrentContext.Value = value;
    }
}
