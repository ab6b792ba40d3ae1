using Flick.Aws.Lambda;
using Flick.Pipeline;
using Flick.Pipeline.Functions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Flick.Lambda;

/// <summary>The composition root of the Lambda functions: the pipeline over the AWS adapters.</summary>
public static class LambdaComposition
{
    /// <summary>Builds the services of every pipeline function from the process environment. No I/O happens here.</summary>
    public static IServiceProvider Build(Func<string, string?> variables, ILoggerProvider logging, LogLevel minimumLevel)
    {
        ArgumentNullException.ThrowIfNull(logging);
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.ClearProviders().AddProvider(logging).SetMinimumLevel(minimumLevel));
        services.AddFlickPipeline(LambdaSettings.ReadPipelineOptions(variables));
        AddAwsAdapters(services, variables);
        return services.BuildServiceProvider();
    }

    /// <summary>Builds the function <c>_HANDLER</c> names; every failure says what is missing, for the init error.</summary>
    public static IFunctionHandler CreateFunction(LambdaEnvironment environment, ILoggerProvider logging)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!FunctionNames.All.Contains(environment.Handler, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"{LambdaEnvironment.HandlerVariable} '{environment.Handler}' is not a Flick function; set the function's handler to one of: {string.Join(", ", FunctionNames.All)}");
        }

        var services = Build(environment.Variables, logging, environment.LogLevel);
        try
        {
            return services.GetRequiredService<FunctionRegistry>().Get(environment.Handler);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"the function '{environment.Handler}' could not be built from its services: {e.Message}", e);
        }
    }

    // The seam for the AWS adapters of the ports (object store, tables, queues, workflow starter, event
    // bus, source credentials): `services.AddFlickAws(...)` goes here. Until it does, building any
    // pipeline function fails for want of its ports, and the host reports that as the init error.
    private static void AddAwsAdapters(IServiceCollection services, Func<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(variables);
    }
}
