using Flick.Api.Options;
using Flick.Aws;
using Flick.Pipeline;

namespace Flick.Api.Service;

/// <summary>
/// Everything the API service reads from its task's environment: the AWS resources (the same
/// variables as the Lambda functions, <see cref="AwsOptions.FromEnvironment"/>), the pipeline's
/// buckets and sources (<see cref="PipelineEnvironment"/>), the API's own settings (section
/// <c>Flick:Api</c>, e.g. <c>Flick__Api__Auth=Cognito</c>, <c>REDIS_URL</c>) and the queue that
/// receives the pipeline's "SeriesReady"/"SeriesFailed" events from EventBridge.
/// </summary>
public sealed record ServiceSettings(AwsOptions Aws, PipelineOptions Pipeline, FlickApiOptions Api, string? NotificationQueue)
{
    /// <summary>The logical name of the queue an EventBridge rule fills with the pipeline's notifications.</summary>
    public const string NotificationQueueName = "api-notifications";

    /// <summary>Where the service listens unless <c>Flick:Api:Url</c> says otherwise (the container's port).</summary>
    public const string DefaultUrl = "http://0.0.0.0:8080";

    /// <summary>Reads and validates every setting; throws with every problem named.</summary>
    public static ServiceSettings Read(IConfiguration configuration, Func<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(variables);
        var aws = AwsOptions.FromEnvironment(variables);
        var pipeline = PipelineEnvironment.ReadPipelineOptions(variables);
        if (aws.Buckets != pipeline.Buckets)
        {
            throw new InvalidOperationException($"the pipeline's buckets ({pipeline.Buckets}) differ from the object store's ({aws.Buckets})");
        }

        var notificationVariable = AwsOptions.QueueVariable(NotificationQueueName);
        var notifications = variables(notificationVariable) is { Length: > 0 } queue ? queue.Trim() : null;
        if (notifications is not null)
        {
            aws.Queues[NotificationQueueName] = notifications;
        }

        var api = FlickApiOptions.FromConfiguration(configuration);
        if (string.IsNullOrWhiteSpace(configuration[$"{FlickApiOptions.Section}:Url"]))
        {
            api.Url = DefaultUrl;
        }

        var problems = aws.Problems().Concat(api.Problems()).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid service configuration: " + string.Join("; ", problems));
        }

        return new ServiceSettings(aws, pipeline, api, notifications is null ? null : NotificationQueueName);
    }
}
