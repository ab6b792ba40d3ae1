using System.Text;
using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.EventSources;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.Scheduler;
using Amazon.CDK.AWS.SQS;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using Flick.Aws;
using Flick.Cdk.Constructs;
using Flick.Core.Ports;
using Flick.Pipeline.StateMachine;

namespace Flick.Cdk.Stacks;

/// <summary>
/// The flow of DESIGN §1: schedules → Puller → raw bucket; "Object Created" rules → ingest and runs
/// queues → Background Starter and Series Starter; the state machine of the repository's ASL file over
/// the step functions. It changes with every release of the bootstrap package.
/// </summary>
public sealed class PipelineStack : Stack
{
    /// <summary>The ASL file, relative to the repository root: the one Flick.Local executes.</summary>
    public static readonly string StateMachineFile = Path.Combine("src", "Flick.Pipeline", "StateMachine", "flick-pipeline.asl.json");

    /// <summary>Pages a scheduled pull walks at most (100 channels each); a full Helix crawl needs more than one token's minute.</summary>
    public const int SourceMaxPages = 100;

    /// <summary>The parameters of a source under its path (<c>SsmSourceCredentials</c>).</summary>
    private static readonly string[] CredentialParameterNames = ["client-id", "token"];

    public PipelineStack(Construct scope, string id, FlickSettings settings, StorageStack storage, IStackProps? props = null) : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(storage);
        var prefix = $"flick-{settings.Stage}";
        var code = LambdaPackage.Resolve(settings);

        PullRequestsQueue = new QueueWithDeadLetter(this, "PullRequestsQueue", $"{prefix}-{Queues.PullRequests}", Duration.Seconds(PipelineFunctions.Puller.TimeoutSeconds));
        IngestQueue = new QueueWithDeadLetter(this, "IngestQueue", $"{prefix}-{Queues.Ingest}", Duration.Seconds(PipelineFunctions.BackgroundStarter.TimeoutSeconds));
        RunsQueue = new QueueWithDeadLetter(this, "RunsQueue", $"{prefix}-{Queues.Runs}", Duration.Seconds(PipelineFunctions.SeriesStarter.TimeoutSeconds));
        // Read by the API service (a long poll of a few seconds per receive), not by a Lambda event source.
        ApiNotificationsQueue = new QueueWithDeadLetter(this, "ApiNotificationsQueue", $"{prefix}-{ApiNotificationsQueueName}", Duration.Seconds(30));
        SchedulesDeadLetterQueue = new Queue(this, "SchedulesDeadLetterQueue", new QueueProps
        {
            QueueName = $"{prefix}-schedules-dlq",
            RetentionPeriod = Duration.Days(14),
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
        });

        EventBusName = settings.NotificationsEnabled ? "default" : new EventBus(this, "MutedEventBus", new EventBusProps
        {
            // Notifications off: SeriesReady/SeriesFailed go to a bus of this stage that no rule reads.
            EventBusName = $"{prefix}-notifications-off",
        }).EventBusName;

        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["FLICK_STAGE"] = settings.Stage,
            ["FLICK_BUCKET_RAW"] = storage.RawBucket.BucketName,
            ["FLICK_BUCKET_SERIES"] = storage.SeriesBucket.BucketName,
            ["FLICK_BUCKET_CLEAN"] = storage.CleanBucket.BucketName,
            ["FLICK_TABLE_PREFIX"] = storage.TablePrefix,
            [AwsOptions.QueueVariable(Queues.PullRequests)] = PullRequestsQueue.Queue.QueueUrl,
            [AwsOptions.QueueVariable(Queues.Ingest)] = IngestQueue.Queue.QueueUrl,
            [AwsOptions.QueueVariable(Queues.Runs)] = RunsQueue.Queue.QueueUrl,
            ["FLICK_EVENT_BUS_NAME"] = EventBusName,
            ["FLICK_SOURCES"] = SourcesJson(settings),
        };

        PipelineFunction Create(string id, FunctionSpec spec, IDictionary<string, string>? extra = null, IQueue? asyncDeadLetterQueue = null)
        {
            var env = new Dictionary<string, string>(environment, StringComparer.Ordinal);
            foreach (var (name, value) in extra ?? new Dictionary<string, string>())
            {
                env[name] = value;
            }

            return new PipelineFunction(this, id, spec, code, $"{prefix}-{spec.Handler}", env, asyncDeadLetterQueue);
        }

        // The scheduled pulls arrive as asynchronous invocations: those that still fail go where the schedules' failures go.
        PullerFunction = Create("PullerFunction", PipelineFunctions.Puller, asyncDeadLetterQueue: SchedulesDeadLetterQueue);
        BackgroundStarterFunction = Create("BackgroundStarterFunction", PipelineFunctions.BackgroundStarter);
        PrepareFunction = Create("PrepareFunction", PipelineFunctions.Prepare);
        ViewersFunction = Create("ViewersFunction", PipelineFunctions.Viewers);
        ChannelFunction = Create("ChannelFunction", PipelineFunctions.Channel);
        RankingsFunction = Create("RankingsFunction", PipelineFunctions.Rankings);
        FinalizeFunction = Create("FinalizeFunction", PipelineFunctions.Finalize);
        FailureFunction = Create("FailureFunction", PipelineFunctions.Failure);

        StateMachine = CreateStateMachine(settings, prefix);
        SeriesStarterFunction = Create("SeriesStarterFunction", PipelineFunctions.SeriesStarter,
            new Dictionary<string, string> { ["FLICK_STATE_MACHINE_ARN"] = StateMachine.StateMachineArn });

        Grant(settings, storage);
        AddEventSources();
        AddObjectCreatedRules(storage);
        AddNotificationsRule();
        AddSchedules(settings, prefix);
    }

    /// <summary>The logical queue the API service takes SeriesReady/SeriesFailed from (Flick.Api.Service).</summary>
    public const string ApiNotificationsQueueName = "api-notifications";

    /// <summary>The pipeline's notifications for the API service: its cache moves to the new data at once.</summary>
    public QueueWithDeadLetter ApiNotificationsQueue { get; }

    public QueueWithDeadLetter PullRequestsQueue { get; }

    public QueueWithDeadLetter IngestQueue { get; }

    public QueueWithDeadLetter RunsQueue { get; }

    public Queue SchedulesDeadLetterQueue { get; }

    /// <summary>Where SeriesReady and SeriesFailed go.</summary>
    public string EventBusName { get; }

    public PipelineFunction PullerFunction { get; }

    public PipelineFunction BackgroundStarterFunction { get; }

    public PipelineFunction SeriesStarterFunction { get; }

    public PipelineFunction PrepareFunction { get; }

    public PipelineFunction ViewersFunction { get; }

    public PipelineFunction ChannelFunction { get; }

    public PipelineFunction RankingsFunction { get; }

    public PipelineFunction FinalizeFunction { get; }

    public PipelineFunction FailureFunction { get; }

    public StateMachine StateMachine { get; private set; } = null!;

    public IReadOnlyList<PipelineFunction> Functions =>
    [
        PullerFunction, BackgroundStarterFunction, SeriesStarterFunction, PrepareFunction, ViewersFunction,
        ChannelFunction, RankingsFunction, FinalizeFunction, FailureFunction,
    ];

    public IReadOnlyList<IQueue> DeadLetterQueues =>
        [PullRequestsQueue.DeadLetterQueue, IngestQueue.DeadLetterQueue, RunsQueue.DeadLetterQueue, ApiNotificationsQueue.DeadLetterQueue, SchedulesDeadLetterQueue];

    /// <summary>The values of the ASL file's <c>${...}</c> placeholders, as given to CloudFormation.</summary>
    public IReadOnlyDictionary<string, string> DefinitionSubstitutions { get; private set; } = new Dictionary<string, string>();

    private StateMachine CreateStateMachine(FlickSettings settings, string prefix)
    {
        var substitutions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PrepareFunctionArn"] = PrepareFunction.Function.FunctionArn,
            ["ViewersFunctionArn"] = ViewersFunction.Function.FunctionArn,
            ["ChannelFunctionArn"] = ChannelFunction.Function.FunctionArn,
            ["RankingsFunctionArn"] = RankingsFunction.Function.FunctionArn,
            ["FinalizeFunctionArn"] = FinalizeFunction.Function.FunctionArn,
            ["FailureFunctionArn"] = FailureFunction.Function.FunctionArn,
            ["EventBusName"] = EventBusName,
        };
        var missing = StateMachineDefinition.PlaceholderNames.Except(substitutions.Keys, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("The state machine's placeholders without a value: " + string.Join(", ", missing));
        }

        DefinitionSubstitutions = substitutions;
        var logGroup = new LogGroup(this, "StateMachineLogGroup", new LogGroupProps
        {
            // The vended-logs path keeps the log delivery's resource policy small as stacks multiply.
            LogGroupName = $"/aws/vendedlogs/states/{prefix}-pipeline",
            Retention = PipelineFunction.LogRetention,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        var machine = new StateMachine(this, "PipelineStateMachine", new StateMachineProps
        {
            StateMachineName = $"{prefix}-pipeline",
            StateMachineType = StateMachineType.STANDARD,
            // Inline (FromString) rather than FromFile, which would ship the file as an S3 asset: the template
            // then carries the very definition that the tests compare with the file.
            DefinitionBody = DefinitionBody.FromString(File.ReadAllText(Path.Combine(settings.RepositoryRoot, StateMachineFile))),
            DefinitionSubstitutions = substitutions,
            Logs = new LogOptions { Destination = logGroup, Level = LogLevel.ALL, IncludeExecutionData = true },
            TracingEnabled = true,
        });

        // The definition comes from a file, so the construct does not know its tasks: grant them by name.
        foreach (var function in new[] { PrepareFunction, ViewersFunction, ChannelFunction, RankingsFunction, FinalizeFunction, FailureFunction })
        {
            function.Function.GrantInvoke(machine);
        }

        machine.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["events:PutEvents"],
            Resources = [Arn.Format(new ArnComponents { Service = "events", Resource = "event-bus", ResourceName = EventBusName }, this)],
        }));
        return machine;
    }

    private void Grant(FlickSettings settings, StorageStack storage)
    {
        var tables = storage.Tables;
        var puller = PullerFunction.Function;
        storage.RawBucket.GrantReadWrite(puller);
        tables["pulls"].GrantReadWriteData(puller);
        // Each source's two parameters, by the names the credentials adapter reads: the client id created by the
        // storage stack, and the token, an operator's SecureString (CloudFormation cannot create one).
        puller.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["ssm:GetParameter"],
            Resources = settings.Sources
                .SelectMany(source => CredentialParameterNames.Select(name => Arn.Format(new ArnComponents
                {
                    Service = "ssm",
                    Resource = "parameter",
                    ResourceName = $"{StorageStack.SourceParameterPath(settings.Stage, source).TrimStart('/')}/{name}",
                }, this)))
                .ToArray(),
        }));

        var starter = BackgroundStarterFunction.Function;
        storage.RawBucket.GrantRead(starter);
        storage.SeriesBucket.GrantReadWrite(starter);

        var seriesStarter = SeriesStarterFunction.Function;
        storage.SeriesBucket.GrantRead(seriesStarter);
        tables["runs"].GrantReadWriteData(seriesStarter);
        StateMachine.GrantStartExecution(seriesStarter);

        foreach (var run in new[] { PrepareFunction, FinalizeFunction, FailureFunction })
        {
            tables["runs"].GrantReadWriteData(run.Function);
            tables["viewers"].GrantReadData(run.Function);
            tables["rollups"].GrantReadWriteData(run.Function);
            storage.CleanBucket.GrantReadWrite(run.Function);
        }

        foreach (var slot in new[] { ViewersFunction, ChannelFunction, RankingsFunction })
        {
            storage.SeriesBucket.GrantRead(slot.Function);
            storage.CleanBucket.GrantReadWrite(slot.Function);
            tables["runs"].GrantReadWriteData(slot.Function);
            tables["viewers"].GrantReadWriteData(slot.Function);
            tables["rankings"].GrantReadWriteData(slot.Function);
            tables["profiles"].GrantReadWriteData(slot.Function);
        }
    }

    private void AddEventSources()
    {
        static SqsEventSource Source(IQueue queue, int batchSize, int concurrency) => new(queue, new SqsEventSourceProps
        {
            BatchSize = batchSize,
            ReportBatchItemFailures = true,
            MaxConcurrency = concurrency,
        });

        PullerFunction.Function.AddEventSource(Source(PullRequestsQueue.Queue, PipelineFunctions.PullerBatchSize, PipelineFunctions.PullerQueueConcurrency));
        BackgroundStarterFunction.Function.AddEventSource(Source(IngestQueue.Queue, PipelineFunctions.IngestBatchSize, PipelineFunctions.IngestQueueConcurrency));
        SeriesStarterFunction.Function.AddEventSource(Source(RunsQueue.Queue, PipelineFunctions.RunsBatchSize, PipelineFunctions.RunsQueueConcurrency));
    }

    private void AddObjectCreatedRules(StorageStack storage)
    {
        static Dictionary<string, object> Matcher(string kind, string value) => new() { [kind] = value };

        _ = new Rule(this, "RawObjectCreatedRule", new RuleProps
        {
            Description = "Pull manifests and uploads in the raw bucket → the ingest queue (Background Starter)",
            EventPattern = new EventPattern
            {
                Source = ["aws.s3"],
                DetailType = ["Object Created"],
                Detail = new Dictionary<string, object>
                {
                    ["bucket"] = new Dictionary<string, object> { ["name"] = new[] { storage.RawBucket.BucketName } },
                    ["object"] = new Dictionary<string, object> { ["key"] = new object[] { Matcher("suffix", "/manifest.json"), Matcher("prefix", "uploads/") } },
                },
            },
            Targets = [new Amazon.CDK.AWS.Events.Targets.SqsQueue(IngestQueue.Queue)],
        });
        _ = new Rule(this, "RunManifestCreatedRule", new RuleProps
        {
            Description = "Run manifests in the series bucket → the runs queue (Series Starter)",
            EventPattern = new EventPattern
            {
                Source = ["aws.s3"],
                DetailType = ["Object Created"],
                Detail = new Dictionary<string, object>
                {
                    ["bucket"] = new Dictionary<string, object> { ["name"] = new[] { storage.SeriesBucket.BucketName } },
                    ["object"] = new Dictionary<string, object> { ["key"] = new object[] { Matcher("prefix", "manifests/") } },
                },
            },
            Targets = [new Amazon.CDK.AWS.Events.Targets.SqsQueue(RunsQueue.Queue)],
        });
    }

    // On the bus the pipeline publishes to, muted or not: the API's cache must follow re-runs either way.
    private void AddNotificationsRule() =>
        _ = new Rule(this, "SeriesNotificationsRule", new RuleProps
        {
            Description = "SeriesReady and SeriesFailed → the API service's notifications queue (cache invalidation, stream, webhooks)",
            EventBus = EventBus.FromEventBusName(this, "NotificationsBus", EventBusName),
            EventPattern = new EventPattern
            {
                Source = ["flick.pipeline"],
                DetailType = ["SeriesReady", "SeriesFailed"],
            },
            Targets = [new Amazon.CDK.AWS.Events.Targets.SqsQueue(ApiNotificationsQueue.Queue)],
        });

    private void AddSchedules(FlickSettings settings, string prefix)
    {
        var role = new Role(this, "SchedulerRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("scheduler.amazonaws.com", new ServicePrincipalOpts
            {
                Conditions = new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Account },
                },
            }),
            Description = "EventBridge Scheduler: invokes the Puller and dead-letters what it cannot deliver",
        });
        PullerFunction.Function.GrantInvoke(role);
        SchedulesDeadLetterQueue.GrantSendMessages(role);

        foreach (var source in settings.Sources)
        {
            _ = new CfnSchedule(this, $"{StorageStack.Pascal(source)}PullSchedule", new CfnScheduleProps
            {
                Name = $"{prefix}-pull-{source}",
                Description = $"Pulls source '{source}' on {settings.PullSchedule}",
                ScheduleExpression = settings.PullSchedule,
                ScheduleExpressionTimezone = "UTC",
                FlexibleTimeWindow = new CfnSchedule.FlexibleTimeWindowProperty { Mode = "OFF" },
                State = "ENABLED",
                Target = new CfnSchedule.TargetProperty
                {
                    Arn = PullerFunction.Function.FunctionArn,
                    RoleArn = role.RoleArn,
                    // The scheduled time, not the delivery time, names the minute: a retried delivery pulls the same minute.
                    Input = $"{{\"source\":\"{source}\",\"at\":\"<aws.scheduler.scheduled-time>\",\"reason\":\"schedule\"}}",
                    RetryPolicy = new CfnSchedule.RetryPolicyProperty { MaximumEventAgeInSeconds = 300, MaximumRetryAttempts = 3 },
                    DeadLetterConfig = new CfnSchedule.DeadLetterConfigProperty { Arn = SchedulesDeadLetterQueue.QueueArn },
                },
            });
        }
    }

    /// <summary>The Puller's sources as the Lambda host reads them (<c>FLICK_SOURCES</c>, shaped like <c>SourceOptions</c>).</summary>
    internal static string SourcesJson(FlickSettings settings)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var source in settings.Sources)
            {
                writer.WriteStartObject();
                writer.WriteString("name", source);
                writer.WriteString("seriesId", source);
                writer.WriteString("apiBase", settings.SourceApiBase.AbsoluteUri);
                writer.WriteNumber("maxPages", SourceMaxPages);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
