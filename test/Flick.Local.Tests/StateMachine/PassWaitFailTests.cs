using Flick.Local.StateMachine;

namespace Flick.Local.Tests.StateMachine;

public sealed class PassWaitFailTests
{
    [Fact]
    public async Task Fail_ShouldFailTheExecutionWithItsErrorAndCause()
    {
        var definition = Asl.Machine("F", "'F': { 'Type': 'Fail', 'Error': 'SeriesFailed', 'Cause': 'see the run record' }");
        var error = await new EngineHarness().RunFailingAsync(definition, "{}");

        error.Error.ShouldBe("SeriesFailed");
        error.Cause.ShouldBe("see the run record");
    }

    [Fact]
    public async Task Fail_WithErrorPathAndCausePath_ShouldTakeThemFromTheInput()
    {
        var definition = Asl.Machine("F", "'F': { 'Type': 'Fail', 'ErrorPath': '$.e', 'CausePath': '$.c' }");
        var error = await new EngineHarness().RunFailingAsync(definition, """{"e":"Mine","c":"because"}""");

        error.Error.ShouldBe("Mine");
        error.Cause.ShouldBe("because");
    }

    [Fact]
    public async Task Fail_InsideAParallelBranch_ShouldBeCaughtByTheParallelCatch()
    {
        var definition = Asl.Machine("P", """
            'P': { 'Type': 'Parallel', 'Branches': [ { 'StartAt': 'F', 'States': { 'F': { 'Type': 'Fail', 'Error': 'Inner', 'Cause': 'c' } } } ],
                   'Catch': [ { 'ErrorEquals': ['Inner'], 'Next': 'Done' } ], 'End': true },
            'Done': { 'Type': 'Succeed' }
            """);
        var output = await new EngineHarness().RunAsync(definition, "{}");

        JsonAssert.Equal("""{"Error":"Inner","Cause":"c"}""", output);
    }

    [Fact]
    public async Task Wait_ShouldScheduleTheDelayFromSecondsOrAPathAndPassTheInputOn()
    {
        var harness = new EngineHarness();
        var definition = Asl.Machine("W1", """
            'W1': { 'Type': 'Wait', 'Seconds': 5, 'Next': 'W2' },
            'W2': { 'Type': 'Wait', 'SecondsPath': '$.pause', 'Next': 'W3' },
            'W3': { 'Type': 'Wait', 'Timestamp': '2026-11-23T17:31:00Z', 'End': true }
            """);

        var output = await harness.RunAsync(definition, """{"pause":12}""");

        JsonAssert.Equal("""{"pause":12}""", output);
        harness.Delays.Select(d => (d.StateName, d.Kind)).ShouldBe([("W1", DelayKind.Wait), ("W2", DelayKind.Wait), ("W3", DelayKind.Wait)]);
        harness.Delays.Take(2).Select(d => d.Delay.TotalSeconds).ShouldBe([5, 12]);
    }

    [Fact]
    public async Task Succeed_ShouldEndTheExecutionWithItsProcessedInput()
    {
        var definition = Asl.Machine("S", "'S': { 'Type': 'Succeed', 'InputPath': '$.a', 'OutputPath': '$.b' }");
        var output = await new EngineHarness().RunAsync(definition, """{"a":{"b":[1]}}""");

        JsonAssert.Equal("[1]", output);
    }
}
