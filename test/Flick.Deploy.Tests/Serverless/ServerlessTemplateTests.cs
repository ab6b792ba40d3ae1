using System.Text.Json.Nodes;
using Flick.Aws.Tables;
using Flick.Pipeline.Functions;
using Flick.Pipeline.StateMachine;

namespace Flick.Deploy.Tests.Serverless;

// serverless.yml, as CloudFormation sees it after `serverless package`, checked against the names,
// keys and state machine file the code itself uses.
[Trait("Category", "Synth")]
[Collection(ServerlessPackageCollection.Name)]
public sealed class ServerlessTemplateTests(ServerlessPackage package)
{
    // DESIGN §1: who consumes which queue (the queue names are flick-<stage>-<logical queue>).
    private static readonly Dictionary<string, string> ConsumedQueues = new()
    {
        [FunctionNames.Puller] = $"flick-{ServerlessPackage.Stage}-{Core.Ports.Queues.PullRequests}",
        [FunctionNames.BackgroundStarter] = $"flick-{ServerlessPackage.Stage}-{Core.Ports.Queues.Ingest}",
        [FunctionNames.SeriesStarter] = $"flick-{ServerlessPackage.Stage}-{Core.Ports.Queues.Runs}",
    };

    [Fact]
    public void Functions_ShouldBeEveryPipelineHandler_OnTheArm64CustomRuntime_FromOnePackage()
    {
        var functions = package.OfType("AWS::Lambda::Function").Values.Select(f => f["Properties"]!.AsObject()).ToList();

        functions.Select(f => (string)f["Handler"]!).Order(StringComparer.Ordinal).ShouldBe(FunctionNames.All.Order(StringComparer.Ordinal));
        functions.Select(f => f["Code"]!["S3Key"]!.ToJsonString()).Distinct().Count().ShouldBe(1, "every function runs the one bootstrap package");
        foreach (var function in functions)
        {
            var handler = (string)function["Handler"]!;
            ((string?)function["FunctionName"]).ShouldBe($"flick-{ServerlessPackage.Stage}-{handler}");
            ((string?)function["Runtime"]).ShouldBe("provided.al2023", handler);
            function["Architectures"]!.AsArray().Select(a => (string?)a).ShouldBe(["arm64"], handler);
            ((int)function["MemorySize"]!).ShouldBeInRange(128, 10240, handler);
            ((int)function["Timeout"]!).ShouldBeInRange(1, 900, handler);
            ((int)function["ReservedConcurrentExecutions"]!).ShouldBeGreaterThan(0, handler);
            // Lambda sets _HANDLER from the Handler setting and refuses it as a configured variable.
            function["Environment"]!["Variables"]!.AsObject().ContainsKey("_HANDLER").ShouldBeFalse(handler);
        }
    }

    [Fact]
    public void Functions_ShouldReadTheEnvironmentOfTheAwsAdapters()
    {
        var tables = package.OfType("AWS::DynamoDB::Table").Values.Select(t => (string)t["Properties"]!["TableName"]!).ToList();
        var buckets = package.OfType("AWS::S3::Bucket").Keys.ToList();
        foreach (var (id, function) in package.OfType("AWS::Lambda::Function"))
        {
            var variables = function["Properties"]!["Environment"]!["Variables"]!.AsObject();
            var bucketRefs = new[] { "FLICK_BUCKET_RAW", "FLICK_BUCKET_SERIES", "FLICK_BUCKET_CLEAN" }.Select(v => ServerlessPackage.TargetOf(variables[v])).ToList();
            bucketRefs.ShouldAllBe(b => b != null && buckets.Contains(b), id);
            bucketRefs.Distinct().Count().ShouldBe(3, id);

            var prefix = (string)variables["FLICK_TABLE_PREFIX"]!;
            foreach (var table in DynamoTableDefinitions.All)
            {
                tables.ShouldContain(prefix + table.Suffix, id);
            }

            ((string?)variables["FLICK_STAGE"]).ShouldBe(ServerlessPackage.Stage, id);
            var sources = JsonNode.Parse((string)variables["FLICK_SOURCES"]!)!.AsArray();
            sources.ShouldNotBeEmpty(id);
            sources.ShouldAllBe(s => !string.IsNullOrEmpty((string?)s!["name"]), id);
        }

        var starter = package.OfType("AWS::Lambda::Function").Values.Single(f => (string?)f["Properties"]!["Handler"] == FunctionNames.SeriesStarter);
        var stateMachine = package.OfType("AWS::StepFunctions::StateMachine").Keys.Single();
        ServerlessPackage.TargetOf(starter["Properties"]!["Environment"]!["Variables"]!["FLICK_STATE_MACHINE_ARN"]).ShouldBe(stateMachine);
    }

    [Fact]
    public void EventSourceMappings_ShouldReportBatchItemFailures_WithABoundedConcurrency()
    {
        var functions = package.OfType("AWS::Lambda::Function");
        var queues = package.OfType("AWS::SQS::Queue");
        var mappings = package.OfType("AWS::Lambda::EventSourceMapping").Values.Select(m => m["Properties"]!.AsObject()).ToList();

        var consumed = new Dictionary<string, string>();
        foreach (var mapping in mappings)
        {
            var function = functions[ServerlessPackage.TargetOf(mapping["FunctionName"])!]["Properties"]!;
            var queue = queues[ServerlessPackage.TargetOf(mapping["EventSourceArn"])!]["Properties"]!;
            var handler = (string)function["Handler"]!;
            consumed[handler] = (string)queue["QueueName"]!;

            mapping["FunctionResponseTypes"].ShouldNotBeNull($"{handler} does not report batch item failures").AsArray()
                .Select(t => (string?)t).ShouldBe(["ReportBatchItemFailures"], handler);
            var maximum = (int)mapping["ScalingConfig"]!["MaximumConcurrency"]!;
            maximum.ShouldBeInRange(2, (int)function["ReservedConcurrentExecutions"]!, handler);
            // AWS: a queue's visibility timeout at least six times the function's timeout.
            ((int)queue["VisibilityTimeout"]!).ShouldBeGreaterThanOrEqualTo(6 * (int)function["Timeout"]!, handler);
        }

        consumed.ShouldBe(ConsumedQueues, ignoreOrder: true);
    }

    [Fact]
    public void Queues_ShouldEachHaveADeadLetterQueue_AndBeEncrypted()
    {
        var queues = package.OfType("AWS::SQS::Queue");
        var consumed = package.OfType("AWS::Lambda::EventSourceMapping").Values.Select(m => ServerlessPackage.TargetOf(m["Properties"]!["EventSourceArn"])!).ToHashSet();
        consumed.Count.ShouldBe(3);

        var deadLetterQueues = new HashSet<string>();
        foreach (var id in consumed)
        {
            var redrive = queues[id]["Properties"]!["RedrivePolicy"].ShouldNotBeNull($"{id} has no redrive policy");
            var target = ServerlessPackage.TargetOf(redrive["deadLetterTargetArn"]).ShouldNotBeNull(id);
            queues.ShouldContainKey(target);
            consumed.ShouldNotContain(target, $"{id}'s dead-letter queue must not be a work queue");
            ((int)redrive["maxReceiveCount"]!).ShouldBeInRange(2, 10, id);
            deadLetterQueues.Add(target).ShouldBeTrue($"{id} shares its dead-letter queue");
        }

        // Any other queue catches what EventBridge rules or the scheduler could not deliver.
        var deliveryTargets = package.Resources.Select(r => r.Value!.ToJsonString()).ToList();
        foreach (var (id, queue) in queues)
        {
            ((bool?)queue["Properties"]!["SqsManagedSseEnabled"]).ShouldBe(true, id);
            if (!consumed.Contains(id) && !deadLetterQueues.Contains(id))
            {
                deliveryTargets.Count(json => json.Contains("\"DeadLetterConfig\":{\"Arn\":{\"Fn::GetAtt\":[\"" + id + "\"", StringComparison.Ordinal))
                    .ShouldBeGreaterThan(0, $"{id} is neither a work queue, nor a dead-letter queue of one, nor of a rule or schedule");
            }
        }
    }

    [Fact]
    public void StateMachine_ShouldBeTheRepositoryAslFile_WithItsPlaceholdersSubstituted()
    {
        // Pseudo parameters and function ARNs as CloudFormation would resolve them in one account.
        const string Account = "123456789012";
        var functionArn = package.OfType("AWS::Lambda::Function").ToDictionary(
            f => f.Key,
            f => $"arn:aws:lambda:us-east-1:{Account}:function:{(string)f.Value["Properties"]!["FunctionName"]!}");
        var byHandler = package.OfType("AWS::Lambda::Function").ToDictionary(f => (string)f.Value["Properties"]!["Handler"]!, f => functionArn[f.Key]);
        var eventBus = package.OfType("AWS::Lambda::Function").Values.Select(f => (string)f["Properties"]!["Environment"]!["Variables"]!["FLICK_EVENT_BUS_NAME"]!).Distinct().Single();

        var expected = StateMachineDefinition.Substitute(File.ReadAllText(Repository.Path("src", "Flick.Pipeline", "StateMachine", "flick-pipeline.asl.json")), new Dictionary<string, string>
        {
            ["PrepareFunctionArn"] = byHandler[FunctionNames.Prepare],
            ["ViewersFunctionArn"] = byHandler[FunctionNames.Viewers],
            ["ChannelFunctionArn"] = byHandler[FunctionNames.Channel],
            ["RankingsFunctionArn"] = byHandler[FunctionNames.Rankings],
            ["FinalizeFunctionArn"] = byHandler[FunctionNames.Finalize],
            ["FailureFunctionArn"] = byHandler[FunctionNames.Failure],
            ["EventBusName"] = eventBus,
        });

        var machine = package.OfType("AWS::StepFunctions::StateMachine").Values.Single()["Properties"]!;
        var actual = CloudFormationSub.Resolve(machine["DefinitionString"]!, new Dictionary<string, string>
        {
            ["AWS::Partition"] = "aws",
            ["AWS::Region"] = "us-east-1",
            ["AWS::AccountId"] = Account,
        }, functionArn);

        JsonNode.DeepEquals(JsonNode.Parse(actual), JsonNode.Parse(expected)).ShouldBeTrue($"the deployed definition differs from the repository file:\n{actual}");
        ((string?)machine["StateMachineType"]).ShouldBe("STANDARD");
        ((bool?)machine["TracingConfiguration"]!["Enabled"]).ShouldBe(true);
        ((string?)machine["LoggingConfiguration"]!["Level"]).ShouldNotBe("OFF");
    }

    [Fact]
    public void Policies_ShouldNeverAllowEveryAction_NorEveryResourceWhereOneCanBeNamed()
    {
        // Actions that take no resource ARN: state machine log delivery (CloudWatch Logs' own rule).
        string[] resourceless =
        [
            "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
            "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
        ];
        var statements = Statements(package.Resources).ToList();
        statements.Count.ShouldBeGreaterThan(10);

        foreach (var (resource, statement) in statements)
        {
            var actions = Strings(statement["Action"]).ToList();
            actions.ShouldNotContain("*", $"{resource}: {statement.ToJsonString()}");
            actions.ShouldNotContain(a => a.EndsWith(":*", StringComparison.Ordinal) && (string?)statement["Effect"] == "Allow", $"{resource}: {statement.ToJsonString()}");
            if ((string?)statement["Effect"] == "Allow" && Strings(statement["Resource"]).Contains("*"))
            {
                actions.ShouldBeSubsetOf(resourceless, $"{resource}: {statement.ToJsonString()}");
            }
        }
    }

    [Fact]
    public void Buckets_ShouldBlockPublicAccess_EncryptAndDenyRequestsWithoutTls()
    {
        var policies = package.OfType("AWS::S3::BucketPolicy").Values.Select(p => p["Properties"]!).ToList();
        foreach (var (id, bucket) in package.OfType("AWS::S3::Bucket"))
        {
            var properties = bucket["Properties"]!;
            var block = properties["PublicAccessBlockConfiguration"].ShouldNotBeNull(id).AsObject();
            new[] { "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets" }.ShouldAllBe(k => (bool?)block[k] == true, id);
            properties["BucketEncryption"]!["ServerSideEncryptionConfiguration"]!.AsArray().ShouldNotBeEmpty(id);

            var policy = policies.SingleOrDefault(p => ServerlessPackage.TargetOf(p["Bucket"]) == id).ShouldNotBeNull($"{id} has no bucket policy");
            policy["PolicyDocument"]!["Statement"]!.AsArray().ShouldContain(
                s => (string?)s!["Effect"] == "Deny" && DeniesInsecureTransport(s), id);
        }
    }

    [Fact]
    public void PipelineBuckets_ShouldSendObjectCreatedEventsToTheirQueues()
    {
        var rules = package.OfType("AWS::Events::Rule").Values.Select(r => r["Properties"]!).ToList();
        var queueNames = package.OfType("AWS::SQS::Queue").ToDictionary(q => q.Key, q => (string)q.Value["Properties"]!["QueueName"]!);
        var routed = rules.ToDictionary(
            r => ServerlessPackage.TargetOf(r["EventPattern"]!["detail"]!["bucket"]!["name"]![0])!,
            r => queueNames[ServerlessPackage.TargetOf(r["Targets"]![0]!["Arn"])!]);

        var buckets = package.OfType("AWS::Lambda::Function").Values.First()["Properties"]!["Environment"]!["Variables"]!;
        routed.ShouldBe(new Dictionary<string, string>
        {
            [ServerlessPackage.TargetOf(buckets["FLICK_BUCKET_RAW"])!] = ConsumedQueues[FunctionNames.BackgroundStarter],
            [ServerlessPackage.TargetOf(buckets["FLICK_BUCKET_SERIES"])!] = ConsumedQueues[FunctionNames.SeriesStarter],
        }, ignoreOrder: true);
        foreach (var bucket in routed.Keys)
        {
            ((bool?)package.Resources[bucket]!["Properties"]!["NotificationConfiguration"]!["EventBridgeConfiguration"]!["EventBridgeEnabled"]).ShouldBe(true, bucket);
        }
    }

    [Fact]
    public void Schedules_ShouldRequestAPullOfEachSource_EveryMinute()
    {
        var sources = JsonNode.Parse((string)package.OfType("AWS::Lambda::Function").Values.First()["Properties"]!["Environment"]!["Variables"]!["FLICK_SOURCES"]!)!
            .AsArray().Select(s => (string)s!["name"]!).ToList();
        var pullQueue = package.OfType("AWS::SQS::Queue").Single(q => (string?)q.Value["Properties"]!["QueueName"] == ConsumedQueues[FunctionNames.Puller]).Key;

        var schedules = package.OfType("AWS::Scheduler::Schedule").Values.Select(s => s["Properties"]!).ToList();
        schedules.Select(s => (string?)JsonNode.Parse((string)s["Target"]!["Input"]!)!["source"]).Order(StringComparer.Ordinal).ShouldBe(sources.Order(StringComparer.Ordinal));
        foreach (var schedule in schedules)
        {
            ((string?)schedule["ScheduleExpression"]).ShouldBe("rate(1 minute)");
            ServerlessPackage.TargetOf(schedule["Target"]!["Arn"]).ShouldBe(pullQueue);
            ((string?)JsonNode.Parse((string)schedule["Target"]!["Input"]!)!["at"]).ShouldBe("<aws.scheduler.scheduled-time>");
            schedule["Target"]!["DeadLetterConfig"].ShouldNotBeNull();
        }
    }

    [Fact]
    public void Tables_ShouldHaveTheKeysOfTheAwsAdapters_OnDemand_WithRecoveryAndEncryption()
    {
        var tables = package.OfType("AWS::DynamoDB::Table").Values.Select(t => t["Properties"]!).ToDictionary(t => (string)t["TableName"]!);
        tables.Count.ShouldBe(DynamoTableDefinitions.All.Count);
        foreach (var definition in DynamoTableDefinitions.All)
        {
            var name = $"flick-{ServerlessPackage.Stage}-{definition.Suffix}";
            var table = tables.GetValueOrDefault(name).ShouldNotBeNull($"no table {name}");
            ((string?)table["BillingMode"]).ShouldBe("PAY_PER_REQUEST", name);
            ((bool?)table["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]).ShouldBe(true, name);
            ((bool?)table["SSESpecification"]!["SSEEnabled"]).ShouldBe(true, name);
            Keys(table["KeySchema"]).ShouldBe(KeysOf(definition.PartitionKey, definition.SortKey), name);
            table["AttributeDefinitions"]!.AsArray().Select(a => $"{a!["AttributeName"]}:{a["AttributeType"]}").Order(StringComparer.Ordinal)
                .ShouldBe(definition.AttributeDefinitions.Select(k => $"{k.Name}:{k.Type.Value}").Order(StringComparer.Ordinal), name);

            var indexes = table["GlobalSecondaryIndexes"]?.AsArray().ToDictionary(i => (string)i!["IndexName"]!, i => Keys(i!["KeySchema"])) ?? [];
            indexes.Keys.Order(StringComparer.Ordinal).ShouldBe(definition.Indexes.Select(i => i.Name).Order(StringComparer.Ordinal), name);
            foreach (var index in definition.Indexes)
            {
                indexes[index.Name].ShouldBe(KeysOf(index.PartitionKey, index.SortKey), $"{name}/{index.Name}");
            }
        }
    }

    // CloudFormation takes the condition value as the string "false" or the boolean false.
    private static bool DeniesInsecureTransport(JsonNode? statement) =>
        statement?["Condition"]?["Bool"]?["aws:SecureTransport"]?.ToJsonString() is "false" or "\"false\"";

    private static List<string> Keys(JsonNode? schema) =>
        schema!.AsArray().Select(k => $"{k!["KeyType"]}:{k["AttributeName"]}").ToList();

    private static List<string> KeysOf(DynamoKey partition, DynamoKey? sort) =>
        sort is null ? [$"HASH:{partition.Name}"] : [$"HASH:{partition.Name}", $"RANGE:{sort.Name}"];

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : "(intrinsic)"),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        null => [],
        _ => ["(intrinsic)"],
    };

    private static IEnumerable<(string Resource, JsonObject Statement)> Statements(JsonObject resources)
    {
        foreach (var (id, resource) in resources)
        {
            foreach (var statement in Walk(resource).OfType<JsonObject>().Where(o => o["Statement"] is JsonArray).SelectMany(o => o["Statement"]!.AsArray()))
            {
                yield return (id, statement!.AsObject());
            }
        }
    }

    private static IEnumerable<JsonNode> Walk(JsonNode? node)
    {
        if (node is null)
        {
            yield break;
        }

        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.SelectMany(Walk))
        {
            yield return child;
        }
    }
}
