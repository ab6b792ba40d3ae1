using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Flick.Local.StateMachine;
using Flick.Pipeline.Functions;

namespace Flick.Local.Tests.StateMachine;

// The real flick-pipeline.asl.json, run by the local engine with fake functions. Every expected
// payload below is written by hand from the definition's contract.
public sealed class PipelineStateMachineTests
{
    private static readonly string[] Slots = ["2026-11-23T17:27Z", "2026-11-23T17:28Z", "2026-11-23T17:29Z"];

    private const string PrepareOutput = """
        {"runId":"r1","seriesId":"s1","from":"2026-11-23T17:27Z","to":"2026-11-23T17:30Z",
         "slots":["2026-11-23T17:27Z","2026-11-23T17:28Z","2026-11-23T17:29Z"],
         "observations":10,"rejected":1,"reason":"ingest","notify":true}
        """;

    private const string FinalizeOutput = """
        {"seriesId":"s1","runId":"r1","from":"2026-11-23T17:27Z","to":"2026-11-23T17:30Z","slots":3,
         "observations":10,"rejected":1,"status":"succeeded","outputs":{"clean":"clean/s1"}}
        """;

    private const string FailureOutput = """
        {"seriesId":"s1","runId":"r1","status":"failed","error":"InvalidOperationException"}
        """;

    private readonly RecordingEventBus _bus = new();
    private readonly ConcurrentQueue<ScheduledDelay> _delays = new();

    private static string Manifest(bool notify = true) => $$"""
        {"runId":"r1","seriesId":"s1","slots":["2026-11-23T17:27Z","2026-11-23T17:28Z","2026-11-23T17:29Z"],
         "observations":10,"rejected":1,"reason":"ingest","notify":{{(notify ? "true" : "false")}},
         "source":"raw/s1/2026-11-23T17:29Z.json","createdAt":"2026-11-23T17:30:05Z"}
        """;

    private static FakeFunction Prepare(bool notify = true) => new(FunctionNames.Prepare, (_, _) =>
    {
        var output = JsonNode.Parse(PrepareOutput)!;
        output["notify"] = notify;
        return output;
    });

    private static FakeFunction SlotStep(string name, Func<JsonNode?, int, JsonNode?>? respond = null) =>
        new(name, respond ?? ((input, _) => new JsonObject { ["slot"] = input!["slot"]!.GetValue<string>(), ["written"] = 1 }));

    private sealed record Functions(FakeFunction Prepare, FakeFunction Viewers, FakeFunction Channel, FakeFunction Rankings, FakeFunction Finalize, FakeFunction Failure)
    {
        public IEnumerable<FakeFunction> All => [Prepare, Viewers, Channel, Rankings, Finalize, Failure];
    }

    private static Functions Fakes(bool notify = true, FakeFunction? viewers = null) => new(
        Prepare(notify),
        viewers ?? SlotStep(FunctionNames.Viewers),
        SlotStep(FunctionNames.Channel),
        SlotStep(FunctionNames.Rankings),
        new FakeFunction(FunctionNames.Finalize, (_, _) => JsonNode.Parse(FinalizeOutput)),
        new FakeFunction(FunctionNames.Failure, (_, _) => JsonNode.Parse(FailureOutput)));

    private Task<JsonNode?> RunAsync(Functions functions, string input)
    {
        var engine = new ExecutionEngine(
            LocalPipelineStateMachine.CreateResources(functions.All, _bus),
            new ExecutionEngineOptions { RetryDelayScale = 0, JitterSource = () => 0.5, DelayScheduled = _delays.Enqueue });
        return engine.RunAsync(LocalPipelineStateMachine.LoadDefinition(), JsonNode.Parse(input), EngineHarness.Execution("r1"), CancellationToken.None);
    }

    [Fact]
    public async Task Run_WhenEveryStepSucceeds_ShouldProcessEachSlotOnceAndPublishSeriesReady()
    {
        var functions = Fakes();

        var output = await RunAsync(functions, Manifest());

        JsonAssert.Equal(Manifest(), functions.Prepare.Payloads.ShouldHaveSingleItem());
        foreach (var step in new[] { functions.Viewers, functions.Channel, functions.Rankings })
        {
            step.Payloads.Select(p => JsonNode.Parse(p)!["slot"]!.GetValue<string>()).Order(StringComparer.Ordinal).ShouldBe(Slots);
            JsonAssert.Equal("""{"runId":"r1","seriesId":"s1","slot":"2026-11-23T17:28Z"}""", step.Payloads.Single(p => p.Contains("17:28Z", StringComparison.Ordinal)));
        }

        // The Map's ResultPath null leaves the Prepare output as Finalize's input.
        JsonAssert.Equal(PrepareOutput, functions.Finalize.Payloads.ShouldHaveSingleItem());
        var published = _bus.Published.ShouldHaveSingleItem();
        (published.Source, published.DetailType).ShouldBe(("flick.pipeline", "SeriesReady"));
        JsonAssert.Equal(FinalizeOutput, published.DetailJson);
        var expectedOutput = JsonNode.Parse(PrepareOutput)!.AsObject();
        expectedOutput["result"] = JsonNode.Parse(FinalizeOutput);
        JsonAssert.Equal(expectedOutput.ToJsonString(), output);
        functions.Failure.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task Run_WhenNotifyIsFalse_ShouldPublishNothing()
    {
        var functions = Fakes(notify: false);

        await RunAsync(functions, Manifest(notify: false));

        functions.Finalize.Calls.ShouldBe(1);
        _bus.Published.ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_WhenViewersAlwaysFails_ShouldRecordTheFailureAndPublishSeriesFailed()
    {
        var functions = Fakes(viewers: SlotStep(FunctionNames.Viewers, (_, _) => throw new InvalidOperationException("table unavailable")));

        var error = await Should.ThrowAsync<ExecutionFailedException>(() => RunAsync(functions, Manifest()));

        error.Error.ShouldBe("SeriesFailed");
        var expectedFailureInput = JsonNode.Parse(PrepareOutput)!.AsObject();
        expectedFailureInput["error"] = new JsonObject
        {
            ["Error"] = "InvalidOperationException",
            ["Cause"] = """{"errorMessage":"table unavailable","errorType":"InvalidOperationException"}""",
        };
        JsonAssert.Equal(expectedFailureInput.ToJsonString(), functions.Failure.Payloads.ShouldHaveSingleItem());
        functions.Finalize.Calls.ShouldBe(0);
        var published = _bus.Published.ShouldHaveSingleItem();
        published.DetailType.ShouldBe("SeriesFailed");
        JsonAssert.Equal(FailureOutput, published.DetailJson);
    }

    [Fact]
    public async Task Run_WhenAStepFailsOnce_ShouldRetryItAndSucceed()
    {
        var viewers = SlotStep(FunctionNames.Viewers, (input, call) => call == 1
            ? throw new TimeoutException("transient")
            : new JsonObject { ["slot"] = input!["slot"]!.GetValue<string>() });
        var functions = Fakes(viewers: viewers);

        await RunAsync(functions, Manifest());

        viewers.Calls.ShouldBe(Slots.Length + 1);
        functions.Failure.Calls.ShouldBe(0);
        _bus.Published.ShouldHaveSingleItem().DetailType.ShouldBe("SeriesReady");
        // The States.TaskFailed retrier: IntervalSeconds 2, FULL jitter at 0.5 → 1 second.
        _delays.ShouldHaveSingleItem().ShouldBe(new ScheduledDelay("Viewers", DelayKind.Retry, 1, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Run_WhenLambdaThrottles_ShouldBackOffUpToTheCapAndThenCatch()
    {
        var prepare = new FakeFunction(FunctionNames.Prepare, (_, _) => throw new StatesErrorException("Lambda.TooManyRequestsException", "Rate exceeded"));
        var functions = Fakes() with { Prepare = prepare };

        await Should.ThrowAsync<ExecutionFailedException>(() => RunAsync(functions, Manifest()));

        prepare.Calls.ShouldBe(7);
        // IntervalSeconds 1, BackoffRate 2, MaxDelaySeconds 30, FULL jitter at 0.5: 1, 2, 4, 8, 16, 32→30, halved.
        _delays.Select(d => d.Delay.TotalSeconds).ShouldBe([0.5, 1, 2, 4, 8, 15]);
        // Caught before Prepare's output existed: the failure handler sees the manifest and the error.
        JsonNode.Parse(functions.Failure.Payloads.ShouldHaveSingleItem())!["error"]!["Error"]!.GetValue<string>().ShouldBe("Lambda.TooManyRequestsException");
    }
}
