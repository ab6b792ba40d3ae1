using Microsoft.Extensions.Logging;

namespace Flick.Aws.Lambda;

/// <summary>What Lambda tells a custom runtime through its environment.</summary>
/// <param name="RuntimeApi"><c>AWS_LAMBDA_RUNTIME_API</c>: the Runtime API's <c>host:port</c>.</param>
/// <param name="Handler"><c>_HANDLER</c>: the function's Handler setting; for Flick, one of the pipeline function names.</param>
/// <param name="FunctionName"><c>AWS_LAMBDA_FUNCTION_NAME</c>, for messages.</param>
/// <param name="LogLevel"><c>AWS_LAMBDA_LOG_LEVEL</c>, as the function's logging configuration sets it.</param>
public sealed record LambdaEnvironment(string RuntimeApi, string Handler, string? FunctionName, LogLevel LogLevel)
{
    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";
    public const string HandlerVariable = "_HANDLER";
    public const string FunctionNameVariable = "AWS_LAMBDA_FUNCTION_NAME";
    public const string LogLevelVariable = "AWS_LAMBDA_LOG_LEVEL";

    /// <summary>The whole environment it was read from, for the function's own settings.</summary>
    public Func<string, string?> Variables { get; init; } = _ => null;

    /// <returns>Null when <c>AWS_LAMBDA_RUNTIME_API</c> is not set, that is, outside Lambda.</returns>
    public static LambdaEnvironment? Read(Func<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var runtimeApi = variables(RuntimeApiVariable);
        if (string.IsNullOrWhiteSpace(runtimeApi))
        {
            return null;
        }

        return new LambdaEnvironment(
            runtimeApi.Trim(),
            variables(HandlerVariable)?.Trim() ?? string.Empty,
            variables(FunctionNameVariable),
            LambdaLogLevels.Parse(variables(LogLevelVariable)))
        {
            Variables = variables,
        };
    }
}
