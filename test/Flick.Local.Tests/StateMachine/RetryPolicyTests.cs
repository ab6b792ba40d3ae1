using System.Text.Json.Nodes;
using Flick.Local.StateMachine;

namespace Flick.Local.Tests.StateMachine;

public sealed class RetryPolicyTests
{
    private const string Fn = "arn:aws:lambda:local:000000000000:function:fn";

    private static string Machine(string retry, string catchers = "") => Asl.Machine("T", $$"""
        'T': { 'Type': 'Task', 'Resource': '{{Fn}}', 'Retry': [ {{retry}} ] {{catchers}}, 'End': true },
        'Caught': { 'Type': 'Pass', 'End': true }
        """);

    private static EngineHarness Failing(string error, double jitter = 0.5) =>
        new EngineHarness { JitterFraction = jitter }.OnAsync(Fn, (_, _) => throw new StatesErrorException(error, "it broke"));

    [Fact]
    public async Task Retry_WithBackoffAndMaxDelay_ShouldWaitIntervalTimesRatePowersCapped()
    {
        var harness = Failing("Custom.Error");
        var definition = Machine("{ 'ErrorEquals': ['Custom.Error'], 'IntervalSeconds': 2, 'MaxAttempts': 3, 'BackoffRate': 3, 'MaxDelaySeconds': 10 }");

        var error = await harness.RunFailingAsync(definition, "{}");

        error.Error.ShouldBe("Custom.Error");
        harness.CallCount(Fn).ShouldBe(4);
        // 2 × 3⁰ = 2, 2 × 3¹ = 6, 2 × 3² = 18 capped at 10.
        harness.Delays.Select(d => d.Delay.TotalSeconds).ShouldBe([2, 6, 10]);
        harness.Delays.Select(d => d.Attempt).ShouldBe([1, 2, 3]);
        harness.Delays.ShouldAllBe(d => d.Kind == DelayKind.Retry && d.StateName == "T");
    }

    [Fact]
    public async Task Retry_WithFullJitter_ShouldWaitTheRandomFractionOfTheBackoff()
    {
        var harness = Failing("Custom.Error", jitter: 0.25);
        var definition = Machine("{ 'ErrorEquals': ['Custom.Error'], 'IntervalSeconds': 4, 'MaxAttempts': 2, 'JitterStrategy': 'FULL' }");

        await harness.RunFailingAsync(definition, "{}");

        // Default BackoffRate 2.0: 0.25 × 4 = 1, 0.25 × 8 = 2.
        harness.Delays.Select(d => d.Delay.TotalSeconds).ShouldBe([1, 2]);
    }

    [Fact]
    public async Task Retry_WithDefaults_ShouldRetryThreeTimesFromOneSecondDoubling()
    {
        var harness = Failing("Custom.Error");
        await harness.RunFailingAsync(Machine("{ 'ErrorEquals': ['Custom.Error'] }"), "{}");

        harness.CallCount(Fn).ShouldBe(4);
        harness.Delays.Select(d => d.Delay.TotalSeconds).ShouldBe([1, 2, 4]);
    }

    [Fact]
    public async Task Retry_WhenMaxAttemptsIsZero_ShouldNeverRetry()
    {
        var harness = Failing("Custom.Error");
        await harness.RunFailingAsync(Machine("{ 'ErrorEquals': ['Custom.Error'], 'MaxAttempts': 0 }, { 'ErrorEquals': ['States.ALL'], 'MaxAttempts': 5 }"), "{}");

        // The first matching retrier decides alone, even when it allows no retry.
        harness.CallCount(Fn).ShouldBe(1);
    }

    [Fact]
    public async Task Retry_ShouldUseOnlyTheFirstRetrierThatNamesTheError()
    {
        var harness = Failing("Other.Error");
        var definition = Machine("""
            { 'ErrorEquals': ['Custom.Error'], 'MaxAttempts': 5 },
            { 'ErrorEquals': ['Other.Error', 'Custom.Error'], 'MaxAttempts': 1, 'IntervalSeconds': 7 },
            { 'ErrorEquals': ['States.ALL'], 'MaxAttempts': 4 }
            """);

        await harness.RunFailingAsync(definition, "{}");

        harness.CallCount(Fn).ShouldBe(2);
        harness.Delays.Single().Delay.ShouldBe(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task Retry_WhenTheTaskSucceedsOnALaterAttempt_ShouldReturnItsResult()
    {
        var calls = 0;
        var harness = new EngineHarness().On(Fn, _ => ++calls < 3 ? throw new TimeoutException("slow") : new JsonObject { ["ok"] = calls });
        var output = await harness.RunAsync(Machine("{ 'ErrorEquals': ['States.TaskFailed'] }"), "{}");

        JsonAssert.Equal("""{"ok":3}""", output);
    }

    [Fact]
    public async Task Catch_WithResultPath_ShouldPutTheErrorOutputIntoTheStateInput()
    {
        var harness = new EngineHarness().On(Fn, _ => throw new InvalidOperationException("boom"));
        var definition = Machine("{ 'ErrorEquals': ['Custom.Error'] }",
            ", 'Catch': [ { 'ErrorEquals': ['States.ALL'], 'ResultPath': '$.error', 'Next': 'Caught' } ]");

        var output = await harness.RunAsync(definition, """{"runId":"r1"}""");

        // Lambda's .NET runtime names the error after the exception type; the cause is its error payload.
        JsonAssert.Equal(
            """
            {"runId":"r1","error":{"Error":"InvalidOperationException",
             "Cause":"{\"errorMessage\":\"boom\",\"errorType\":\"InvalidOperationException\"}"}}
            """,
            output);
    }

    [Fact]
    public async Task Catch_WithoutResultPath_ShouldReplaceTheInputWithTheErrorOutput()
    {
        var harness = Failing("Custom.Error");
        var definition = Machine("{ 'ErrorEquals': ['None'] }",
            ", 'Catch': [ { 'ErrorEquals': ['Other'], 'Next': 'Caught' }, { 'ErrorEquals': ['Custom.Error'], 'Next': 'Caught' } ]");

        var output = await harness.RunAsync(definition, """{"runId":"r1"}""");

        JsonAssert.Equal("""{"Error":"Custom.Error","Cause":"it broke"}""", output);
    }

    [Fact]
    public async Task RetryAndCatch_WhenTheErrorIsStatesRuntime_ShouldNeitherRetryNorCatch()
    {
        var harness = new EngineHarness().On(Fn, _ => new JsonObject());
        var definition = Machine("{ 'ErrorEquals': ['States.ALL'] }",
            ", 'ResultPath': '$.a.b', 'Catch': [ { 'ErrorEquals': ['States.ALL'], 'Next': 'Caught' } ]");

        var error = await harness.RunFailingAsync(definition, """{"a":[1]}""");

        error.Error.ShouldBe("States.Runtime");
        harness.CallCount(Fn).ShouldBe(1);
        harness.Delays.ShouldBeEmpty();
    }

    [Fact]
    public async Task TaskFailed_ShouldNotMatchATimeout()
    {
        var harness = new EngineHarness().OnAsync(Fn, async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return null;
        });
        var definition = Asl.Machine("T", $$"""
            'T': { 'Type': 'Task', 'Resource': '{{Fn}}', 'TimeoutSeconds': 1,
                    'Retry': [ { 'ErrorEquals': ['States.TaskFailed'], 'MaxAttempts': 5 } ],
                    'Catch': [ { 'ErrorEquals': ['States.TaskFailed'], 'Next': 'Caught' }, { 'ErrorEquals': ['States.Timeout'], 'ResultPath': '$.timeout', 'Next': 'Caught' } ],
                    'End': true },
            'Caught': { 'Type': 'Pass', 'End': true }
            """);

        var output = await harness.RunAsync(definition, "{}");

        harness.CallCount(Fn).ShouldBe(1);
        output!["timeout"]!["Error"]!.GetValue<string>().ShouldBe("States.Timeout");
    }
}
