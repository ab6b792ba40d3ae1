using Amazon.CDK;
using Flick.Cdk.Stacks;

namespace Flick.Cdk;

/// <summary>
/// Flick's stacks, split by how often they change: storage (data, retained), pipeline (every
/// release of the bootstrap), API service, monitoring.
/// </summary>
public sealed class FlickApp
{
    private FlickApp(StorageStack storage, PipelineStack pipeline, ApiStack api, MonitoringStack monitoring)
    {
        Storage = storage;
        Pipeline = pipeline;
        Api = api;
        Monitoring = monitoring;
    }

    public StorageStack Storage { get; }

    public PipelineStack Pipeline { get; }

    public ApiStack Api { get; }

    public MonitoringStack Monitoring { get; }

    public IReadOnlyList<Stack> Stacks => [Storage, Pipeline, Api, Monitoring];

    public static FlickApp Build(App app, FlickSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        StackProps Props(string description) => new() { Env = settings.Environment, Description = description };

        var storage = new StorageStack(app, settings.StackName("Storage"), settings,
            Props($"Flick {settings.Stage}: buckets, tables and source credential parameters (retained on delete)"));
        var pipeline = new PipelineStack(app, settings.StackName("Pipeline"), settings, storage,
            Props($"Flick {settings.Stage}: queues, functions, schedules, rules and the state machine"));
        var api = new ApiStack(app, settings.StackName("Api"), settings, storage, pipeline,
            Props($"Flick {settings.Stage}: the search API on Fargate, its Redis and the Cognito user pool"));
        var monitoring = new MonitoringStack(app, settings.StackName("Monitoring"), settings, pipeline, api,
            Props($"Flick {settings.Stage}: alarms to an SNS topic and the pipeline dashboard"));
        Tags.Of(app).Add("project", "flick");
        Tags.Of(app).Add("stage", settings.Stage);
        return new FlickApp(storage, pipeline, api, monitoring);
    }
}
