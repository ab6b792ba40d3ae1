using Flick.Pipeline.Functions;
using Microsoft.Extensions.Logging;

namespace Flick.Aws.Lambda;

/// <summary>The whole life of a <c>bootstrap</c> process, so that its Program is one line.</summary>
public static class LambdaBootstrap
{
    private const string NoHandler = "unset";

    /// <param name="variables">The process environment (<see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    /// <param name="build">Builds the function named by <c>_HANDLER</c>, logging through the given provider; throws if it cannot.</param>
    /// <param name="output">Where logs and metrics go: stdout in Lambda.</param>
    /// <returns>The process exit code (<see cref="LambdaExitCodes"/>).</returns>
    public static async Task<int> RunAsync(
        Func<string, string?> variables,
        Func<LambdaEnvironment, ILoggerProvider, IFunctionHandler> build,
        LambdaOutput output,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        var environment = LambdaEnvironment.Read(variables);
        if (environment is null)
        {
            await Console.Error.WriteLineAsync(
                $"{LambdaEnvironment.RuntimeApiVariable} is not set: this is the bootstrap of a Lambda custom runtime, started by Lambda (or by a test's Runtime API).");
            return LambdaExitCodes.NotInLambda;
        }

        using var runtime = new LambdaRuntimeClient(environment.RuntimeApi);
        var host = new LambdaHost(runtime, new LambdaHostOptions
        {
            FunctionName = environment.Handler.Length > 0 ? environment.Handler : NoHandler,
            MinimumLogLevel = environment.LogLevel,
        }, output);
        return await host.RunAsync(_ => Task.FromResult(build(environment, host.LoggerProvider).ToLambdaFunction()), cancellationToken);
    }
}
