using Flick.Local.StateMachine;

namespace Flick.Local.Tests.StateMachine;

// The processing order and rules of the States Language (InputPath → Parameters → task →
// ResultSelector → ResultPath → OutputPath), each expected output written by hand.
public sealed class InputOutputProcessorTests
{
    private const string Fn = "arn:aws:lambda:local:000000000000:function:fn";

    private static string TaskMachine(string fields) =>
        Asl.Machine("T", $"'T': {{ 'Type': 'Task', 'Resource': '{Fn}', {fields} 'End': true }}");

    private static EngineHarness Returning(string resultJson) => new EngineHarness().On(Fn, _ => System.Text.Json.Nodes.JsonNode.Parse(Asl.Json(resultJson)));

    [Fact]
    public async Task ResultPath_WhenAbsent_ShouldReplaceTheInputWithTheResult()
    {
        var output = await Returning("{'r':1}").RunAsync(TaskMachine(""), """{"a":1}""");
        JsonAssert.Equal("""{"r":1}""", output);
    }

    [Fact]
    public async Task ResultPath_WhenDollar_ShouldReplaceTheInputWithTheResult()
    {
        var output = await Returning("{'r':1}").RunAsync(TaskMachine("'ResultPath': '$',"), """{"a":1}""");
        JsonAssert.Equal("""{"r":1}""", output);
    }

    [Fact]
    public async Task ResultPath_WhenNull_ShouldKeepTheInputAndDiscardTheResult()
    {
        var output = await Returning("{'r':1}").RunAsync(TaskMachine("'ResultPath': null,"), """{"a":1}""");
        JsonAssert.Equal("""{"a":1}""", output);
    }

    [Fact]
    public async Task ResultPath_WhenNested_ShouldMergeIntoTheInputCreatingObjects()
    {
        var output = await Returning("{'r':1}").RunAsync(TaskMachine("'ResultPath': '$.x.y',"), """{"a":1,"x":{"keep":true}}""");
        JsonAssert.Equal("""{"a":1,"x":{"keep":true,"y":{"r":1}}}""", output);

        var created = await Returning("{'r':1}").RunAsync(TaskMachine("'ResultPath': '$.x.y',"), """{"a":1}""");
        JsonAssert.Equal("""{"a":1,"x":{"y":{"r":1}}}""", created);
    }

    [Fact]
    public async Task ResultPath_WhenItPassesThroughAString_ShouldFailWithStatesRuntime()
    {
        var error = await Returning("1").RunFailingAsync(TaskMachine("'ResultPath': '$.a.b',"), """{"a":"text"}""");
        error.Error.ShouldBe("States.Runtime");
    }

    [Fact]
    public async Task InputPathAndOutputPath_ShouldSelectTheTaskInputAndTheStateOutput()
    {
        var harness = new EngineHarness().On(Fn, input => input!["v"]!.GetValue<int>() * 10);
        var output = await harness.RunAsync(
            TaskMachine("'InputPath': '$.in', 'ResultPath': '$.in.result', 'OutputPath': '$.in',"),
            """{"in":{"v":4},"other":true}""");

        JsonAssert.Equal("""{"v":4}""", harness.Calls.Single().Input);
        JsonAssert.Equal("""{"v":4,"result":40}""", output);
    }

    [Fact]
    public async Task InputPath_WhenNull_ShouldGiveTheTaskAnEmptyObject()
    {
        var harness = Returning("{}");
        await harness.RunAsync(TaskMachine("'InputPath': null,"), """{"a":1}""");
        JsonAssert.Equal("{}", harness.Calls.Single().Input);
    }

    [Fact]
    public async Task InputPath_WhenThePathIsMissing_ShouldFailWithStatesRuntimeEvenWithACatchAll()
    {
        var definition = Asl.Machine("T", $$"""
            'T': { 'Type': 'Task', 'Resource': '{{Fn}}', 'InputPath': '$.missing',
                    'Retry': [ { 'ErrorEquals': ['States.ALL'] } ],
                    'Catch': [ { 'ErrorEquals': ['States.ALL'], 'Next': 'Caught' } ], 'End': true },
            'Caught': { 'Type': 'Succeed' }
            """);
        var harness = Returning("{}");

        var error = await harness.RunFailingAsync(definition, """{"a":1}""");

        error.Error.ShouldBe("States.Runtime");
        error.Cause.ShouldNotBeNull().ShouldContain("$.missing");
        harness.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Parameters_ShouldTakeValuesFromPathsAndTheContextObject()
    {
        var harness = Returning("{}");
        await harness.RunAsync(
            TaskMachine("""
                'Parameters': {
                  'fixed': 'x', 'nested': { 'n.$': '$.list[1]', 'q.$': '$.odd' },
                  'name.$': '$$.Execution.Name', 'id.$': '$$.Execution.Id', 'state.$': '$$.State.Name',
                  'started.$': '$$.Execution.StartTime', 'original.$': '$$.Execution.Input.list[0]',
                  'machine.$': '$$.StateMachine.Name', 'retries.$': '$$.State.RetryCount' },
                """),
            """{"list":[10,20],"odd":"y"}""");

        JsonAssert.Equal(
            """
            {"fixed":"x","nested":{"n":20,"q":"y"},"name":"exec-1",
             "id":"arn:aws:states:local:000000000000:execution:test:exec-1","state":"T",
             "started":"2026-11-23T17:30:00.000Z","original":10,"machine":"test","retries":0}
            """,
            harness.Calls.Single().Input);
    }

    [Fact]
    public async Task Parameters_WhenAPathIsMissing_ShouldFailWithStatesRuntime()
    {
        var error = await Returning("{}").RunFailingAsync(TaskMachine("'Parameters': { 'x.$': '$.nope' },"), "{}");
        error.Error.ShouldBe("States.Runtime");
        error.Cause.ShouldNotBeNull().ShouldContain("x.$");
    }

    [Fact]
    public async Task ResultSelector_ShouldReshapeTheResultBeforeResultPath()
    {
        var output = await Returning("{'x':1,'y':{'z':2},'noise':[1,2,3]}").RunAsync(
            TaskMachine("'ResultSelector': { 'z.$': '$.y.z', 'k': 'const' }, 'ResultPath': '$.r',"),
            """{"a":1}""");
        JsonAssert.Equal("""{"a":1,"r":{"z":2,"k":"const"}}""", output);
    }

    [Fact]
    public async Task Pass_ShouldApplyParametersResultAndResultPath()
    {
        var definition = Asl.Machine("P1", """
            'P1': { 'Type': 'Pass', 'Parameters': { 'copy.$': '$.a' }, 'ResultPath': '$.params', 'Next': 'P2' },
            'P2': { 'Type': 'Pass', 'Result': { 'fixed': [1, 2] }, 'ResultPath': '$.result', 'Next': 'P3' },
            'P3': { 'Type': 'Pass', 'OutputPath': '$.result', 'End': true }
            """);
        var output = await new EngineHarness().RunAsync(definition, """{"a":"v"}""");
        JsonAssert.Equal("""{"fixed":[1,2]}""", output);

        var withoutOutputPath = await new EngineHarness().RunAsync(definition.Replace("\"OutputPath\": \"$.result\", ", string.Empty, StringComparison.Ordinal), """{"a":"v"}""");
        JsonAssert.Equal("""{"a":"v","params":{"copy":"v"},"result":{"fixed":[1,2]}}""", withoutOutputPath);
    }
}
