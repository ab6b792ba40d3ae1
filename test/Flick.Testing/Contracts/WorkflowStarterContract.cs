using System.Text.Json.Nodes;
using Flick.Core.Ports;
using Shouldly;
using Xunit;

namespace Flick.Testing.Contracts;

/// <summary>
/// The behaviour every <see cref="IWorkflowStarter"/> adapter has; run once per adapter. The execution name is
/// the run id, so a run started twice (a redelivered manifest event) must start one execution, and starting it
/// again must be a success.
/// </summary>
public abstract class WorkflowStarterContract
{
    protected abstract IWorkflowStarter Starter { get; }

    /// <summary>The executions the workflow service holds under <paramref name="name"/>.</summary>
    protected abstract Task<IReadOnlyList<StartedExecution>> ExecutionsAsync(string name);

    /// <summary>Lets the execution named <paramref name="name"/> end (succeed).</summary>
    protected abstract Task EndAsync(string name);

    [Fact]
    public async Task StartAsync_WhenTheNameIsNew_ShouldStartOneExecutionOfThatNameWithTheInput()
    {
        var name = TablesScope.Unique("run");
        const string input = """{"runId":"r-1","slots":["2026-11-23T10:00Z"],"notify":true}""";

        var start = await Starter.StartAsync(name, input, CancellationToken.None);

        start.AlreadyExisted.ShouldBeFalse();
        // arn:PARTITION:states:REGION:ACCOUNT:execution:STATE-MACHINE:NAME
        start.ExecutionArn.Split(':')[5].ShouldBe("execution");
        start.ExecutionArn.ShouldEndWith(":" + name);
        var execution = (await ExecutionsAsync(name)).ShouldHaveSingleItem();
        execution.ExecutionArn.ShouldBe(start.ExecutionArn);
        JsonNode.DeepEquals(JsonNode.Parse(execution.InputJson), JsonNode.Parse(input)).ShouldBeTrue(execution.InputJson);
    }

    [Fact]
    public async Task StartAsync_WhenTheSameRunIsStartedAgain_ShouldSucceedWithTheSameArnAndStartNothingMore()
    {
        var name = TablesScope.Unique("run");
        const string input = """{"runId":"r-2"}""";
        var first = await Starter.StartAsync(name, input, CancellationToken.None);

        // While the first runs (Step Functions answers an identical start as a success), then after it ended
        // (Step Functions answers ExecutionAlreadyExists): both are a success naming the same execution.
        var whileRunning = await Starter.StartAsync(name, input, CancellationToken.None);
        await EndAsync(name);
        var afterEnd = await Starter.StartAsync(name, input, CancellationToken.None);

        whileRunning.ExecutionArn.ShouldBe(first.ExecutionArn);
        afterEnd.ShouldBe(new WorkflowStart(first.ExecutionArn, AlreadyExisted: true));
        (await ExecutionsAsync(name)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task StartAsync_WhenTheNameIsTakenWithAnotherInput_ShouldReportAlreadyExistedAndKeepTheFirstExecution()
    {
        var name = TablesScope.Unique("run");
        var first = await Starter.StartAsync(name, """{"attempt":1}""", CancellationToken.None);

        var second = await Starter.StartAsync(name, """{"attempt":2}""", CancellationToken.None);

        second.ShouldBe(new WorkflowStart(first.ExecutionArn, AlreadyExisted: true));
        var execution = (await ExecutionsAsync(name)).ShouldHaveSingleItem();
        JsonNode.DeepEquals(JsonNode.Parse(execution.InputJson), JsonNode.Parse("""{"attempt":1}""")).ShouldBeTrue(execution.InputJson);
    }

    [Fact]
    public async Task StartAsync_WhenRunsDiffer_ShouldStartOneExecutionEach()
    {
        var a = TablesScope.Unique("run");
        var b = TablesScope.Unique("run");

        var startA = await Starter.StartAsync(a, "{}", CancellationToken.None);
        var startB = await Starter.StartAsync(b, "{}", CancellationToken.None);

        startA.ExecutionArn.ShouldNotBe(startB.ExecutionArn);
        (await ExecutionsAsync(a)).ShouldHaveSingleItem().ExecutionArn.ShouldBe(startA.ExecutionArn);
        (await ExecutionsAsync(b)).ShouldHaveSingleItem().ExecutionArn.ShouldBe(startB.ExecutionArn);
    }

    [Theory]
    [InlineData("")]
    [InlineData("run 1")]
    [InlineData("run:1")]
    [InlineData("run/1")]
    [InlineData("run{1}")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task StartAsync_WhenTheNameIsNotAnExecutionName_ShouldThrowArgumentExceptionAndStartNothing(string name)
    {
        await Should.ThrowAsync<ArgumentException>(() => Starter.StartAsync(name, "{}", CancellationToken.None));

        (await ExecutionsAsync(name)).ShouldBeEmpty();
    }

    [Fact]
    public async Task StartAsync_WhenTheNameHasEightyCharacters_ShouldStartIt()
    {
        var name = TablesScope.Unique("run").PadRight(80, 'x');

        var start = await Starter.StartAsync(name, "{}", CancellationToken.None);

        start.ExecutionArn.ShouldEndWith(":" + name);
        (await ExecutionsAsync(name)).Count.ShouldBe(1);
    }
}

/// <summary>An execution as the workflow service holds it.</summary>
public sealed record StartedExecution(string ExecutionArn, string InputJson);
