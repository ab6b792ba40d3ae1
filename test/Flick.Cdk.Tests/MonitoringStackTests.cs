using System.Text.Json.Nodes;

namespace Flick.Cdk.Tests;

[Collection(FlickAppCollection.Name)]
public sealed class MonitoringStackTests(FlickAppFixture app)
{
    private List<JsonObject> Alarms => FlickAppFixture.Resources(app.Monitoring, "AWS::CloudWatch::Alarm").Select(a => a.Properties).ToList();

    [Fact]
    public void EveryDeadLetterQueue_HasAnAlarmOnVisibleMessagesAboveZero()
    {
        var alarms = Of("AWS/SQS", "ApproximateNumberOfMessagesVisible");
        alarms.Count.ShouldBe(5);
        alarms.ShouldAllBe(a => (double)a["Threshold"]! == 0 && (string?)a["ComparisonOperator"] == "GreaterThanThreshold");
        var queues = alarms.Select(a => a["Dimensions"]![0]!["Value"]!.ToJsonString()).ToList();
        queues.ShouldAllBe(q => q.Contains("DeadLetterQueue", StringComparison.Ordinal));
        queues.Distinct().Count().ShouldBe(5);
    }

    [Fact]
    public void FailedExecutions_RaiseAnAlarm()
    {
        var alarm = Of("AWS/States", "ExecutionsFailed").Single();
        ((string?)alarm["Dimensions"]![0]!["Name"]).ShouldBe("StateMachineArn");
    }

    [Fact]
    public void EveryFunction_HasAnErrorsAndAThrottlesAlarm()
    {
        foreach (var metric in new[] { "Errors", "Throttles" })
        {
            var alarms = Of("AWS/Lambda", metric);
            alarms.Count.ShouldBe(9, metric);
            alarms.Select(a => a["Dimensions"]![0]!["Value"]!.ToJsonString()).Distinct().Count().ShouldBe(9, metric);
        }
    }

    [Fact]
    public void TheApi_HasAlarmsOn5xxAndOnP99ResponseTime()
    {
        Of("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count").Count.ShouldBe(1);
        Of("AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count").Count.ShouldBe(1);
        var latency = Of("AWS/ApplicationELB", "TargetResponseTime").Single();
        ((string?)latency["ExtendedStatistic"]).ShouldBe("p99");
    }

    [Fact]
    public void Redis_HasAMemoryAlarm()
    {
        var alarm = Of("AWS/ElastiCache", "DatabaseMemoryUsagePercentage").Single();
        ((string?)alarm["Dimensions"]![0]!["Value"]).ShouldBe("flick-test-redis-001");
    }

    [Fact]
    public void EveryAlarm_NotifiesTheAlarmTopic()
    {
        var topic = FlickAppFixture.Resources(app.Monitoring, "AWS::SNS::Topic").Single().Id;
        Alarms.Count.ShouldBe(5 + 1 + 18 + 3 + 1);
        Alarms.ShouldAllBe(a => a["AlarmActions"]!.AsArray().Count == 1 && (string?)a["AlarmActions"]![0]!["Ref"] == topic);
    }

    [Fact]
    public void ThereIsAPipelineDashboard()
    {
        var dashboard = FlickAppFixture.Resources(app.Monitoring, "AWS::CloudWatch::Dashboard").Single().Properties;
        ((string?)dashboard["DashboardName"]).ShouldBe("flick-test-pipeline");
        var body = dashboard["DashboardBody"]!.ToJsonString();
        foreach (var title in new[] { "Queue depth", "Dead letters", "Function invocations and errors", "Executions", "API" })
        {
            body.ShouldContain(title);
        }
    }

    private List<JsonObject> Of(string metricNamespace, string metricName) =>
        Alarms.Where(a => (string?)a["Namespace"] == metricNamespace && (string?)a["MetricName"] == metricName).ToList();
}
