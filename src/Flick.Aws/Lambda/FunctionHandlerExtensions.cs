using Flick.Pipeline.Functions;

namespace Flick.Aws.Lambda;

public static class FunctionHandlerExtensions
{
    /// <summary>Serves a pipeline function: its payload and its token, the same call Flick.Local makes.</summary>
    public static LambdaFunction ToLambdaFunction(this IFunctionHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return (payload, _, cancellationToken) => handler.InvokeAsync(payload, cancellationToken);
    }
}
