using System.Text.Json.Nodes;
using Flick.Pipeline.StateMachine;

namespace Flick.Pipeline.Tests.StateMachine;

public sealed class StateMachineDefinitionTests
{
    private static readonly string[] LambdaTransientErrors =
        ["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException"];

    private static readonly JsonObject Definition = PipelineDefinitionFixture.Parsed();

    private static JsonObject State(string name) => Definition["States"]![name]!.AsObject();

    private static string[] Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    [Fact]
    public void Load_ShouldHaveExactlyTheSevenDeploymentPlaceholders()
    {
        StateMachineDefinition.FindPlaceholders(StateMachineDefinition.Load()).Order(StringComparer.Ordinal).ShouldBe(
        [
            "ChannelFunctionArn", "EventBusName", "FailureFunctionArn", "FinalizeFunctionArn",
            "PrepareFunctionArn", "RankingsFunctionArn", "ViewersFunctionArn",
        ]);
    }

    [Fact]
    public void Substitute_ShouldPutTheValuesWhereThePlaceholdersWere()
    {
        var text = PipelineDefinitionFixture.Substituted();

        text.ShouldNotContain("${");
        State("Prepare")["Resource"]!.GetValue<string>().ShouldBe("arn:aws:lambda:eu-west-1:123456789012:function:flick-prepare");
        State("PublishSeriesReady")["Parameters"]!["Entries"]![0]!["EventBusName"]!.GetValue<string>().ShouldBe("flick");
    }

    [Fact]
    public void Substitute_WhenAPlaceholderHasNoValue_ShouldNameIt()
    {
        var partial = PipelineDefinitionFixture.RealisticSubstitutions.Where(p => p.Key != "EventBusName").ToDictionary();

        var error = Should.Throw<InvalidOperationException>(() => StateMachineDefinition.Substitute(StateMachineDefinition.Load(), partial));

        error.Message.ShouldContain("${EventBusName}");
    }

    [Fact]
    public void Substitute_ShouldKeepTheDocumentValidWhateverTheValue()
    {
        var odd = PipelineDefinitionFixture.RealisticSubstitutions.ToDictionary(p => p.Key, p => p.Key == "EventBusName" ? "a\"b\\c" : p.Value);

        var parsed = JsonNode.Parse(StateMachineDefinition.Substitute(StateMachineDefinition.Load(), odd))!;

        parsed["States"]!["PublishSeriesFailed"]!["Parameters"]!["Entries"]![0]!["EventBusName"]!.GetValue<string>().ShouldBe("a\"b\\c");
    }

    [Fact]
    public void EveryState_ShouldExplainItselfInAComment()
    {
        var uncommented = PipelineDefinitionFixture.AllStates(Definition).Where(s => s.State["Comment"] is null).Select(s => s.Name);
        uncommented.ShouldBeEmpty();
    }

    [Fact]
    public void EveryTask_ShouldRetryTransientErrors()
    {
        var tasks = PipelineDefinitionFixture.AllStates(Definition).Where(s => s.State["Type"]!.GetValue<string>() == "Task").ToList();
        tasks.Select(t => t.Name).Order(StringComparer.Ordinal).ShouldBe(
            ["Channel", "Finalize", "Prepare", "PublishSeriesFailed", "PublishSeriesReady", "Rankings", "RecordFailure", "Viewers"]);

        foreach (var (name, task) in tasks)
        {
            var retriers = task["Retry"].ShouldBeOfType<JsonArray>($"{name} has no Retry").Select(r => r!.AsObject()).ToList();
            retriers.ShouldNotBeEmpty(name);
            if (task["Resource"]!.GetValue<string>().StartsWith("arn:aws:lambda:", StringComparison.Ordinal))
            {
                var lambda = retriers.Where(r => Strings(r["ErrorEquals"]).SequenceEqual(LambdaTransientErrors)).ShouldHaveSingleItem(name);
                (lambda["IntervalSeconds"]!.GetValue<int>(), lambda["MaxAttempts"]!.GetValue<int>(), lambda["BackoffRate"]!.GetValue<double>())
                    .ShouldBe((1, 6, 2.0), name);
                lambda["MaxDelaySeconds"].ShouldNotBeNull(name);
                lambda["JitterStrategy"]!.GetValue<string>().ShouldBe("FULL", name);
                var failed = retriers.Where(r => Strings(r["ErrorEquals"]).SequenceEqual(["States.TaskFailed"])).ShouldHaveSingleItem(name);
                (failed["IntervalSeconds"]!.GetValue<int>(), failed["MaxAttempts"]!.GetValue<int>(), failed["BackoffRate"]!.GetValue<double>())
                    .ShouldBe((2, 3, 2.0), name);
            }
            else
            {
                retriers.ShouldContain(r => Strings(r["ErrorEquals"]).Contains("States.TaskFailed"), name);
            }
        }
    }

    [Theory]
    [InlineData("Prepare", "$.error", "RecordFailure")]
    [InlineData("ProcessSlots", "$.error", "RecordFailure")]
    [InlineData("Finalize", "$.error", "RecordFailure")]
    [InlineData("PublishSeriesReady", "$.error", "RecordFailure")]
    [InlineData("RecordFailure", null, "Failed")]
    [InlineData("PublishSeriesFailed", null, "Failed")]
    public void Step_ShouldCatchEverythingAndMoveOn(string name, string? resultPath, string next)
    {
        var catcher = State(name)["Catch"]!.AsArray().ShouldHaveSingleItem()!.AsObject();

        Strings(catcher["ErrorEquals"]).ShouldBe(["States.ALL"]);
        catcher["Next"]!.GetValue<string>().ShouldBe(next);
        if (resultPath is not null)
        {
            catcher["ResultPath"]!.GetValue<string>().ShouldBe(resultPath);
        }
    }

    [Fact]
    public void ProcessSlots_ShouldMapSlotsWithBoundedConcurrencyOverAParallelOfTheThreeSteps()
    {
        var map = State("ProcessSlots");
        map["Type"]!.GetValue<string>().ShouldBe("Map");
        map["ItemsPath"]!.GetValue<string>().ShouldBe("$.slots");
        map["MaxConcurrency"]!.GetValue<int>().ShouldBeGreaterThan(0);
        map.ContainsKey("ResultPath").ShouldBeTrue();
        map["ResultPath"].ShouldBeNull();
        JsonNode.DeepEquals(map["ItemSelector"], JsonNode.Parse("""{"runId.$":"$.runId","seriesId.$":"$.seriesId","slot.$":"$$.Map.Item.Value"}""")).ShouldBeTrue();

        var processor = map["ItemProcessor"]!.AsObject();
        var (name, parallel) = processor["States"]!.AsObject().ShouldHaveSingleItem();
        processor["StartAt"]!.GetValue<string>().ShouldBe(name);
        parallel!["Type"]!.GetValue<string>().ShouldBe("Parallel");
        parallel["End"]!.GetValue<bool>().ShouldBeTrue();
        var branches = parallel["Branches"]!.AsArray().Select(b => b!.AsObject()).ToList();
        branches.Select(b => b["StartAt"]!.GetValue<string>()).ShouldBe(["Viewers", "Channel", "Rankings"]);
        foreach (var branch in branches)
        {
            var (_, task) = branch["States"]!.AsObject().ShouldHaveSingleItem();
            task!["Type"]!.GetValue<string>().ShouldBe("Task");
            task["End"]!.GetValue<bool>().ShouldBeTrue();
        }
    }

    [Theory]
    [InlineData("ShouldNotifyReady", "PublishSeriesReady", "Succeeded")]
    [InlineData("ShouldNotifyFailed", "PublishSeriesFailed", "Failed")]
    public void NotifyChoice_ShouldPublishOnlyWhenNotifyIsPresentAndTrue(string name, string publish, string otherwise)
    {
        var choice = State(name);
        var expected = JsonNode.Parse($$"""
            [{"And":[{"Variable":"$.notify","IsPresent":true},{"Variable":"$.notify","BooleanEquals":true}],"Next":"{{publish}}"}]
            """);

        JsonNode.DeepEquals(choice["Choices"], expected).ShouldBeTrue(choice["Choices"]!.ToJsonString());
        choice["Default"]!.GetValue<string>().ShouldBe(otherwise);
    }

    [Theory]
    [InlineData("PublishSeriesReady", "SeriesReady", "$.result")]
    [InlineData("PublishSeriesFailed", "SeriesFailed", "$.failure")]
    public void Publish_ShouldPutOneFlickPipelineEventWithTheStepOutputAsDetail(string name, string detailType, string detailPath)
    {
        var publish = State(name);
        publish["Resource"]!.GetValue<string>().ShouldBe("arn:aws:states:::events:putEvents");
        publish.ContainsKey("ResultPath").ShouldBeTrue();
        publish["ResultPath"].ShouldBeNull();
        var expected = JsonNode.Parse($$"""
            {"Entries":[{"EventBusName":"flick","Source":"flick.pipeline","DetailType":"{{detailType}}","Detail.$":"{{detailPath}}"}]}
            """);
        JsonNode.DeepEquals(publish["Parameters"], expected).ShouldBeTrue(publish["Parameters"]!.ToJsonString());
    }

    [Fact]
    public void Flow_ShouldGoFromPrepareThroughFinalizeAndEndInSucceedOrFail()
    {
        Definition["StartAt"]!.GetValue<string>().ShouldBe("Prepare");
        State("Prepare")["Next"]!.GetValue<string>().ShouldBe("ProcessSlots");
        State("ProcessSlots")["Next"]!.GetValue<string>().ShouldBe("Finalize");
        State("Finalize")["Next"]!.GetValue<string>().ShouldBe("ShouldNotifyReady");
        State("Finalize")["ResultPath"]!.GetValue<string>().ShouldBe("$.result");
        State("RecordFailure")["ResultPath"]!.GetValue<string>().ShouldBe("$.failure");
        State("RecordFailure")["Next"]!.GetValue<string>().ShouldBe("ShouldNotifyFailed");
        State("Succeeded")["Type"]!.GetValue<string>().ShouldBe("Succeed");
        State("Failed")["Type"]!.GetValue<string>().ShouldBe("Fail");
        State("Failed")["Error"]!.GetValue<string>().ShouldBe("SeriesFailed");
    }
}
