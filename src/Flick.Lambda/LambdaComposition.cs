using Flick.Aws;
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
        var pipeline = PipelineEnvironment.ReadPipelineOptions(variables);
        services.AddFlickPipeline(pipeline);
        AddAwsAdapters(services, variables, pipeline);
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

    // The pipeline names keys in the buckets of PipelineOptions and the object store resolves them through
    // AwsOptions: the two must agree, or the handlers would read and write different buckets.
    private static void AddAwsAdapters(IServiceCollection services, Func<string, string?> variables, PipelineOptions pipeline)
    {
        var aws = AwsOptions.FromEnvironment(variables);
        if (aws.Buckets != pipeline.Buckets)
        {
            throw new InvalidOperationException(
                $"the pipeline's buckets ({pipeline.Buckets}) differ from the object store's ({aws.Buckets})");
        }

        services.AddFlickAws(aws);
    }
}
