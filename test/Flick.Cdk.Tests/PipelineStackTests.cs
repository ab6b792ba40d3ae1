using System.Text.Json.Nodes;
using Flick.Pipeline.Functions;

namespace Flick.Cdk.Tests;

[Collection(FlickAppCollection.Name)]
public sealed class PipelineStackTests(FlickAppFixture app)
{
    private IEnumerable<(string Id, JsonObject Properties)> Queues => FlickAppFixture.Resources(app.Pipeline, "AWS::SQS::Queue");

    private IEnumerable<(string Id, JsonObject Properties)> Functions => FlickAppFixture.Resources(app.Pipeline, "AWS::Lambda::Function");

    [Fact]
    public void EveryQueueThatIsNotADeadLetterQueue_RedrivesToADeadLetterQueue()
    {
        var deadLetterIds = DeadLetterQueueIds();
        var work = Queues.Where(q => !deadLetterIds.Contains(q.Id)).ToList();
        work.Select(q => (string?)q.Properties["QueueName"]).Order(StringComparer.Ordinal)
            .ShouldBe(["flick-test-api-notifications", "flick-test-ingest", "flick-test-pull-requests", "flick-test-runs"]);
        foreach (var (id, queue) in work)
        {
            var redrive = queue["RedrivePolicy"].ShouldNotBeNull($"{id} has no redrive policy");
            var target = GetAttId(redrive["deadLetterTargetArn"]);
            deadLetterIds.ShouldContain(target);
            ((int?)redrive["maxReceiveCount"]).ShouldBe(5);
            ((string?)Queues.Single(q => q.Id == target).Properties["QueueName"]).ShouldBe((string?)queue["QueueName"] + "-dlq");
        }
    }

    [Fact]
    public void DeadLetterQueues_AreTheFourQueuesAndTheSchedules_AndKeepMessagesFourteenDays()
    {
        var dlqs = Queues.Where(q => DeadLetterQueueIds().Contains(q.Id)).ToList();
        dlqs.Select(q => (string?)q.Properties["QueueName"]).Order(StringComparer.Ordinal)
            .ShouldBe(["flick-test-api-notifications-dlq", "flick-test-ingest-dlq", "flick-test-pull-requests-dlq", "flick-test-runs-dlq", "flick-test-schedules-dlq"]);
        dlqs.ShouldAllBe(q => (int?)q.Properties["MessageRetentionPeriod"] == 14 * 24 * 3600);
    }

    [Fact]
    public void EveryEventSource_ReportsBatchItemFailures_AndHasAMaximumConcurrency()
    {
        var mappings = FlickAppFixture.Resources(app.Pipeline, "AWS::Lambda::EventSourceMapping").ToList();
        mappings.Count.ShouldBe(3);
        foreach (var (id, mapping) in mappings)
        {
            mapping["FunctionResponseTypes"]!.AsArray().Select(t => (string?)t).ShouldBe(["ReportBatchItemFailures"], id);
            var maximum = (int?)mapping["ScalingConfig"]?["MaximumConcurrency"];
            maximum.ShouldNotBeNull($"{id} has no maximum concurrency");
            maximum.Value.ShouldBeInRange(2, 1000);
            var function = Functions.Single(f => f.Id == (string?)mapping["FunctionName"]!["Ref"]).Properties;
            maximum.Value.ShouldBeLessThanOrEqualTo((int)function["ReservedConcurrentExecutions"]!, $"{id}: more pollers than the function may run");
        }
    }

    [Fact]
    public void EveryConsumedQueue_HasAVisibilityTimeoutOfAtLeastSixTimesItsFunctionsTimeout()
    {
        var consumers = FlickAppFixture.Resources(app.Pipeline, "AWS::Lambda::EventSourceMapping")
            .Select(m => (Queue: GetAttId(m.Properties["EventSourceArn"]), Function: (string)m.Properties["FunctionName"]!["Ref"]!))
            .ToList();
        consumers.Select(c => (string?)Queues.Single(q => q.Id == c.Queue).Properties["QueueName"]).Order(StringComparer.Ordinal)
            .ShouldBe(["flick-test-ingest", "flick-test-pull-requests", "flick-test-runs"]);
        foreach (var (queue, function) in consumers)
        {
            var visibility = (int)Queues.Single(q => q.Id == queue).Properties["VisibilityTimeout"]!;
            var timeout = (int)Functions.Single(f => f.Id == function).Properties["Timeout"]!;
            visibility.ShouldBeGreaterThanOrEqualTo(6 * timeout, $"{queue} consumed by {function}");
        }
    }

    [Fact]
    public void EveryFunction_RunsTheBootstrapOnProvidedAl2023Arm64_WithOneHandlerEach()
    {
        var functions = Functions.ToList();
        functions.Select(f => (string?)f.Properties["Handler"]).Order(StringComparer.Ordinal).ShouldBe(FunctionNames.All.Order(StringComparer.Ordinal));
        foreach (var (id, function) in functions)
        {
            ((string?)function["Runtime"]).ShouldBe("provided.al2023", id);
            function["Architectures"]!.AsArray().Select(a => (string?)a).ShouldBe(["arm64"], id);
            ((int)function["MemorySize"]!).ShouldBeGreaterThanOrEqualTo(256, id);
            ((int)function["ReservedConcurrentExecutions"]!).ShouldBeGreaterThan(0, id);
            ((string?)function["TracingConfig"]!["Mode"]).ShouldBe("Active", id);
            // _HANDLER is reserved by Lambda: it must come from Handler, never from the environment.
            function["Environment"]!["Variables"]!.AsObject().ContainsKey("_HANDLER").ShouldBeFalse(id);
        }
    }

    [Fact]
    public void EveryFunction_LogsToItsOwnLogGroup_WithARetention()
    {
        var groups = FlickAppFixture.Resources(app.Pipeline, "AWS::Logs::LogGroup").ToDictionary(g => g.Id, g => g.Properties);
        foreach (var (id, function) in Functions)
        {
            var group = groups[(string)function["LoggingConfig"]!["LogGroup"]!["Ref"]!];
            ((int?)group["RetentionInDays"]).ShouldBe(30, id);
            ((string?)group["LogGroupName"]).ShouldBe("/aws/lambda/" + (string?)function["FunctionName"], id);
        }
    }

    [Fact]
    public void EveryFunction_HasTheEnvironmentTheLambdaHostReads()
    {
        foreach (var (id, function) in Functions)
        {
            var variables = function["Environment"]!["Variables"]!.AsObject();
            foreach (var name in new[]
            {
                "FLICK_STAGE", "FLICK_BUCKET_RAW", "FLICK_BUCKET_SERIES", "FLICK_BUCKET_CLEAN", "FLICK_TABLE_PREFIX",
                "FLICK_QUEUE_PULL_REQUESTS", "FLICK_QUEUE_INGEST", "FLICK_QUEUE_RUNS", "FLICK_EVENT_BUS_NAME", "FLICK_SOURCES",
            })
            {
                variables.ContainsKey(name).ShouldBeTrue($"{id} lacks {name}");
            }

            ((string?)variables["FLICK_STAGE"]).ShouldBe("test");
            ((string?)variables["FLICK_TABLE_PREFIX"]).ShouldBe("flick-test-");
            ((string?)variables["FLICK_BUCKET_RAW"]!["Fn::ImportValue"]).ShouldNotBeNull($"{id}: the raw bucket comes from the storage stack");
        }

        var starter = Functions.Single(f => (string?)f.Properties["Handler"] == FunctionNames.SeriesStarter).Properties;
        ((string?)starter["Environment"]!["Variables"]!["FLICK_STATE_MACHINE_ARN"]!["Ref"]).ShouldBe(StateMachine().Id);
    }

    [Fact]
    public void TheSourcesVariable_ListsEverySourceInTheShapeOfSourceOptions()
    {
        var puller = Functions.Single(f => (string?)f.Properties["Handler"] == FunctionNames.Puller).Properties;
        var sources = JsonNode.Parse((string)puller["Environment"]!["Variables"]!["FLICK_SOURCES"]!)!.AsArray();
        sources.Select(s => ((string?)s!["name"], (string?)s["seriesId"], (string?)s["apiBase"], (int?)s["maxPages"]))
            .ShouldBe([("twitch", "twitch", "https://api.twitch.tv/", 100), ("kick", "kick", "https://api.twitch.tv/", 100)]);
    }

    [Fact]
    public void TheStateMachineDefinition_IsTheRepositorysAslFile_AfterTheSameSubstitutions()
    {
        var (_, machine) = StateMachine();
        var substitutions = machine["DefinitionSubstitutions"]!.AsObject();
        substitutions.Select(s => s.Key).Order(StringComparer.Ordinal).ShouldBe(
            ["ChannelFunctionArn", "EventBusName", "FailureFunctionArn", "FinalizeFunctionArn", "PrepareFunctionArn", "RankingsFunctionArn", "ViewersFunctionArn"]);

        // A stand-in value per placeholder: the resolved ARN would be the function's; the test only needs them distinct.
        var values = substitutions.ToDictionary(s => s.Key, s => s.Value is JsonValue v ? (string)v! : $"arn:aws:lambda:us-east-1:123456789012:function:{GetAttId(s.Value)}");
        var deployed = (string)machine["DefinitionString"]!;
        foreach (var (name, value) in values)
        {
            deployed = deployed.Replace("${" + name + "}", value, StringComparison.Ordinal);
        }

        var file = File.ReadAllText(Path.Combine(app.RepositoryRoot, "src", "Flick.Pipeline", "StateMachine", "flick-pipeline.asl.json"));
        var expected = Flick.Pipeline.StateMachine.StateMachineDefinition.Substitute(file, values);
        JsonNode.DeepEquals(JsonNode.Parse(deployed), JsonNode.Parse(expected)).ShouldBeTrue();
        deployed.ShouldNotContain("${");
        values["EventBusName"].ShouldBe("default");
    }

    [Fact]
    public void EveryFunctionPlaceholder_NamesTheFunctionOfThatStep()
    {
        var substitutions = StateMachine().Properties["DefinitionSubstitutions"]!.AsObject();
        foreach (var handler in new[] { "prepare", "viewers", "channel", "rankings", "finalize", "failure" })
        {
            var placeholder = char.ToUpperInvariant(handler[0]) + handler[1..] + "FunctionArn";
            var function = Functions.Single(f => f.Id == GetAttId(substitutions[placeholder]));
            ((string?)function.Properties["Handler"]).ShouldBe(handler);
        }
    }

    [Fact]
    public void TheStateMachine_LogsEverythingAndIsTraced()
    {
        var (_, machine) = StateMachine();
        ((string?)machine["LoggingConfiguration"]!["Level"]).ShouldBe("ALL");
        ((bool?)machine["LoggingConfiguration"]!["IncludeExecutionData"]).ShouldBe(true);
        machine["LoggingConfiguration"]!["Destinations"]!.AsArray().Count.ShouldBe(1);
        ((bool?)machine["TracingConfiguration"]!["Enabled"]).ShouldBe(true);
        ((string?)machine["StateMachineType"]).ShouldBe("STANDARD");
    }

    [Fact]
    public void EverySource_HasAScheduleThatInvokesThePuller_WithRetriesAndADeadLetterQueue()
    {
        var puller = Functions.Single(f => (string?)f.Properties["Handler"] == FunctionNames.Puller).Id;
        var schedules = FlickAppFixture.Resources(app.Pipeline, "AWS::Scheduler::Schedule").ToList();
        schedules.Select(s => (string?)s.Properties["Name"]).Order(StringComparer.Ordinal).ShouldBe(["flick-test-pull-kick", "flick-test-pull-twitch"]);
        foreach (var (id, schedule) in schedules)
        {
            ((string?)schedule["ScheduleExpression"]).ShouldBe("rate(1 minute)");
            var target = schedule["Target"]!;
            GetAttId(target["Arn"]).ShouldBe(puller, id);
            ((int?)target["RetryPolicy"]!["MaximumRetryAttempts"]).ShouldBe(3, id);
            var dlq = Queues.Single(q => q.Id == GetAttId(target["DeadLetterConfig"]!["Arn"]));
            ((string?)dlq.Properties["QueueName"]).ShouldBe("flick-test-schedules-dlq");
            var input = JsonNode.Parse((string)target["Input"]!)!;
            ((string?)input["source"]).ShouldBe(((string)schedule["Name"]!)["flick-test-pull-".Length..]);
            ((string?)input["at"]).ShouldBe("<aws.scheduler.scheduled-time>");
        }
    }

    [Fact]
    public void Rules_SendRawAndManifestEventsAndThePipelinesNotificationsToTheirQueues()
    {
        var rules = FlickAppFixture.Resources(app.Pipeline, "AWS::Events::Rule").ToList();
        rules.Count.ShouldBe(3);
        var byQueue = rules.ToDictionary(
            r => (string)Queues.Single(q => q.Id == GetAttId(r.Properties["Targets"]![0]!["Arn"])).Properties["QueueName"]!,
            r => r.Properties["EventPattern"]!);
        ((string?)byQueue["flick-test-ingest"]["detail-type"]![0]).ShouldBe("Object Created");
        byQueue["flick-test-ingest"]["detail"]!["object"]!["key"]!.ToJsonString().ShouldBe("""[{"suffix":"/manifest.json"},{"prefix":"uploads/"}]""");
        byQueue["flick-test-runs"]["detail"]!["object"]!["key"]!.ToJsonString().ShouldBe("""[{"prefix":"manifests/"}]""");
        byQueue["flick-test-api-notifications"].ToJsonString().ShouldBe("""{"detail-type":["SeriesReady","SeriesFailed"],"source":["flick.pipeline"]}""");
    }

    [Fact]
    public void OnlyThePuller_MayReadSourceCredentials_AndOnlyTheParametersOfItsSources()
    {
        var ssm = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (id, function) in Functions)
        {
            var role = GetAttId(function["Role"]);
            ssm[(string)function["Handler"]!] = FlickAppFixture.Resources(app.Pipeline, "AWS::IAM::Policy")
                .Where(p => p.Properties["Roles"]!.AsArray().Any(r => (string?)r!["Ref"] == role))
                .SelectMany(p => p.Properties["PolicyDocument"]!["Statement"]!.AsArray())
                .Where(s => s!["Action"]!.ToJsonString().Contains("ssm:", StringComparison.Ordinal))
                .SelectMany(s => s!["Resource"] is JsonArray many ? many.Select(Flatten) : [Flatten(s["Resource"])])
                .ToList();
        }

        ssm[FunctionNames.Puller].Order(StringComparer.Ordinal).ShouldBe(
        [
            "arn:aws:ssm:us-east-1:123456789012:parameter/flick/test/sources/kick/client-id",
            "arn:aws:ssm:us-east-1:123456789012:parameter/flick/test/sources/kick/token",
            "arn:aws:ssm:us-east-1:123456789012:parameter/flick/test/sources/twitch/client-id",
            "arn:aws:ssm:us-east-1:123456789012:parameter/flick/test/sources/twitch/token",
        ]);
        ssm.Where(f => f.Key != FunctionNames.Puller).ShouldAllBe(f => f.Value.Count == 0);
    }

    /// <summary>An ARN as CloudFormation joins it, with the partition resolved to <c>aws</c>.</summary>
    private static string Flatten(JsonNode? node) => node switch
    {
        JsonValue value => (string)value!,
        JsonObject join when join["Fn::Join"] is JsonArray parts =>
            string.Join((string)parts[0]!, parts[1]!.AsArray().Select(p => p is JsonObject o && (string?)o["Ref"] == "AWS::Partition" ? "aws" : Flatten(p))),
        _ => node?.ToJsonString() ?? string.Empty,
    };

    private (string Id, JsonObject Properties) StateMachine() =>
        FlickAppFixture.Resources(app.Pipeline, "AWS::StepFunctions::StateMachine").Single();

    private HashSet<string> DeadLetterQueueIds()
    {
        var ids = Queues.Where(q => q.Properties["RedrivePolicy"] is not null)
            .Select(q => GetAttId(q.Properties["RedrivePolicy"]!["deadLetterTargetArn"])).ToHashSet(StringComparer.Ordinal);
        ids.UnionWith(FlickAppFixture.Resources(app.Pipeline, "AWS::Scheduler::Schedule").Select(s => GetAttId(s.Properties["Target"]!["DeadLetterConfig"]!["Arn"])));
        ids.UnionWith(Functions.Where(f => f.Properties["DeadLetterConfig"] is not null).Select(f => GetAttId(f.Properties["DeadLetterConfig"]!["TargetArn"])));
        return ids;
    }

    private static string GetAttId(JsonNode? node) =>
        (string?)node?["Fn::GetAtt"]?[0] ?? throw new ShouldAssertException($"not a Fn::GetAtt: {node?.ToJsonString()}");
}
