using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;

namespace Flick.Cdk.Stacks;

/// <summary>
/// Alarms on what needs a person (a dead letter, a failed execution, function errors and throttles,
/// API 5xx and slow answers, Redis memory), all to one SNS topic, and a dashboard of the pipeline.
/// </summary>
public sealed class MonitoringStack : Stack
{
    /// <summary>The API's p99 response time that raises the alarm.</summary>
    public const double ApiP99ThresholdSeconds = 1.0;

    /// <summary>The share of Redis memory in use that raises the alarm (its eviction starts near 100).</summary>
    public const double RedisMemoryThresholdPercent = 80;

    private readonly ITopic _topic;
    private readonly string _prefix;

    public MonitoringStack(Construct scope, string id, FlickSettings settings, PipelineStack pipeline, ApiStack api, IStackProps? props = null)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(api);
        _prefix = $"flick-{settings.Stage}";
        var topic = new Topic(this, "AlarmTopic", new TopicProps { TopicName = $"{_prefix}-alarms", EnforceSSL = true });
        if (settings.AlarmEmail is not null)
        {
            topic.AddSubscription(new EmailSubscription(settings.AlarmEmail));
        }

        AlarmTopic = topic;
        _topic = topic;

        foreach (var queue in pipeline.DeadLetterQueues)
        {
            Alarm(Identifier(queue.Node.Path) + "Alarm", $"dead letters in {queue.Node.Path}",
                queue.MetricApproximateNumberOfMessagesVisible(new MetricOptions { Period = Duration.Minutes(1), Statistic = Stats.MAXIMUM }),
                0, ComparisonOperator.GREATER_THAN_THRESHOLD);
        }

        Alarm("ExecutionsFailedAlarm", "failed pipeline executions",
            pipeline.StateMachine.MetricFailed(new MetricOptions { Period = Duration.Minutes(5), Statistic = Stats.SUM }),
            1, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);

        foreach (var function in pipeline.Functions)
        {
            var handler = StorageStack.Pascal(function.Spec.Handler);
            Alarm(handler + "ErrorsAlarm", $"errors of the {function.Spec.Handler} function",
                function.Function.MetricErrors(new MetricOptions { Period = Duration.Minutes(5), Statistic = Stats.SUM }),
                1, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
            Alarm(handler + "ThrottlesAlarm", $"throttles of the {function.Spec.Handler} function",
                function.Function.MetricThrottles(new MetricOptions { Period = Duration.Minutes(5), Statistic = Stats.SUM }),
                1, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
        }

        var alb = api.Service.LoadBalancer.Metrics;
        Alarm("ApiTarget5xxAlarm", "5xx answers of the API",
            alb.HttpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, new MetricOptions { Period = Duration.Minutes(5), Statistic = Stats.SUM }),
            5, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
        Alarm("ApiLoadBalancer5xxAlarm", "5xx answers of the API's load balancer (no healthy target)",
            alb.HttpCodeElb(HttpCodeElb.ELB_5XX_COUNT, new MetricOptions { Period = Duration.Minutes(5), Statistic = Stats.SUM }),
            5, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
        Alarm("ApiLatencyP99Alarm", $"API p99 response time above {ApiP99ThresholdSeconds} s",
            alb.TargetResponseTime(new MetricOptions { Period = Duration.Minutes(5), Statistic = Stats.Percentile(99) }),
            ApiP99ThresholdSeconds, ComparisonOperator.GREATER_THAN_THRESHOLD);

        // A one-node replication group's node is "<group id>-001"; ElastiCache reports memory per node.
        Alarm("RedisMemoryAlarm", $"Redis memory above {RedisMemoryThresholdPercent} %",
            new Metric(new MetricProps
            {
                Namespace = "AWS/ElastiCache",
                MetricName = "DatabaseMemoryUsagePercentage",
                DimensionsMap = new Dictionary<string, string> { ["CacheClusterId"] = api.Redis.ReplicationGroupId + "-001" },
                Period = Duration.Minutes(5),
                Statistic = Stats.MAXIMUM,
            }),
            RedisMemoryThresholdPercent, ComparisonOperator.GREATER_THAN_THRESHOLD);

        Dashboard = CreateDashboard(pipeline, api);
    }

    public ITopic AlarmTopic { get; }

    public Dashboard Dashboard { get; }

    private void Alarm(string id, string what, IMetric metric, double threshold, ComparisonOperator comparison)
    {
        var alarm = new Alarm(this, id, new AlarmProps
        {
            AlarmName = $"{_prefix}-{id}",
            AlarmDescription = $"Flick: {what}",
            Metric = metric,
            Threshold = threshold,
            ComparisonOperator = comparison,
            EvaluationPeriods = 1,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
        alarm.AddAlarmAction(new SnsAction(_topic));
    }

    private Dashboard CreateDashboard(PipelineStack pipeline, ApiStack api)
    {
        var dashboard = new Dashboard(this, "PipelineDashboard", new DashboardProps { DashboardName = $"{_prefix}-pipeline" });
        var work = new[] { pipeline.PullRequestsQueue, pipeline.IngestQueue, pipeline.RunsQueue };
        dashboard.AddWidgets(
            new GraphWidget(new GraphWidgetProps
            {
                Title = "Queue depth",
                Width = 12,
                Left = work.Select(q => (IMetric)q.Queue.MetricApproximateNumberOfMessagesVisible()).ToArray(),
            }),
            new GraphWidget(new GraphWidgetProps
            {
                Title = "Dead letters",
                Width = 12,
                Left = pipeline.DeadLetterQueues.Select(q => (IMetric)q.MetricApproximateNumberOfMessagesVisible()).ToArray(),
            }));
        dashboard.AddWidgets(
            new GraphWidget(new GraphWidgetProps
            {
                Title = "Function invocations and errors",
                Width = 12,
                Left = pipeline.Functions.Select(f => (IMetric)f.Function.MetricInvocations()).ToArray(),
                Right = pipeline.Functions.Select(f => (IMetric)f.Function.MetricErrors()).ToArray(),
            }),
            new GraphWidget(new GraphWidgetProps
            {
                Title = "Function duration p99",
                Width = 12,
                Left = pipeline.Functions.Select(f => (IMetric)f.Function.MetricDuration(new MetricOptions { Statistic = Stats.Percentile(99) })).ToArray(),
            }));
        dashboard.AddWidgets(
            new GraphWidget(new GraphWidgetProps
            {
                Title = "Executions",
                Width = 12,
                Left = [pipeline.StateMachine.MetricStarted(), pipeline.StateMachine.MetricSucceeded(), pipeline.StateMachine.MetricFailed()],
            }),
            new GraphWidget(new GraphWidgetProps
            {
                Title = "API",
                Width = 12,
                Left = [api.Service.LoadBalancer.Metrics.RequestCount(), api.Service.LoadBalancer.Metrics.HttpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT)],
                Right = [api.Service.LoadBalancer.Metrics.TargetResponseTime(new MetricOptions { Statistic = Stats.Percentile(99) })],
            }));
        return dashboard;
    }

    private static string Identifier(string path) => string.Concat(path.Split('/').Skip(1).Select(StorageStack.Pascal));
}
