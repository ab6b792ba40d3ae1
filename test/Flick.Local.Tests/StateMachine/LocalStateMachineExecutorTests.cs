using System.Collections.Concurrent;
using Flick.Local.StateMachine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Flick.Local.Tests.StateMachine;

public sealed class LocalStateMachineExecutorTests : IDisposable
{
    private const string Fn = "arn:aws:lambda:local:000000000000:function:fn";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly AslDefinition Definition = AslDefinition.Parse(Asl.Machine("T", $$"""
        'T': { 'Type': 'Task', 'Resource': '{{Fn}}', 'ResultPath': '$.result', 'Next': 'Check' },
        'Check': { 'Type': 'Choice', 'Choices': [ { 'Variable': '$.fail', 'IsPresent': true, 'Next': 'Boom' } ], 'Default': 'Done' },
        'Boom': { 'Type': 'Fail', 'Error': 'Asked', 'Cause': 'the input said so' },
        'Done': { 'Type': 'Succeed' }
        """));

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "flick-executions-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private async Task<LocalStateMachineExecutor> CreateAsync(Func<string, CancellationToken, Task<string>> invoker, int maxConcurrent = 2)
    {
        var engine = new ExecutionEngine(new TaskResourceRegistry().Add(Fn, invoker), new ExecutionEngineOptions { RetryDelayScale = 0 });
        var executor = new LocalStateMachineExecutor(
            Definition,
            engine,
            new LocalStateMachineOptions { DataDirectory = _dataDirectory, MaxConcurrentExecutions = maxConcurrent },
            NullLogger<LocalStateMachineExecutor>.Instance);
        await executor.InitializeAsync(CancellationToken.None);
        return executor;
    }

    private static Func<string, CancellationToken, Task<string>> Counting(ConcurrentQueue<string> calls) => (input, _) =>
    {
        calls.Enqueue(input);
        return Task.FromResult("""{"ok":true}""");
    };

    [Fact]
    public async Task StartAsync_WhenTheNameIsUsedTwice_ShouldRunOnceAndReportAlreadyExisted()
    {
        var calls = new ConcurrentQueue<string>();
        await using var executor = await CreateAsync(Counting(calls));

        var first = await executor.StartAsync("run-1", """{"n":1}""", CancellationToken.None);
        var second = await executor.StartAsync("run-1", """{"n":1}""", CancellationToken.None);
        var differentInput = await executor.StartAsync("run-1", """{"n":2}""", CancellationToken.None);
        await executor.WaitForIdleAsync(CancellationToken.None).WaitAsync(Patience);

        first.ShouldBe(new Flick.Core.Ports.WorkflowStart("arn:aws:states:local:000000000000:execution:flick-pipeline:run-1", false));
        second.AlreadyExisted.ShouldBeTrue();
        differentInput.AlreadyExisted.ShouldBeTrue();
        second.ExecutionArn.ShouldBe(first.ExecutionArn);
        calls.ShouldHaveSingleItem();
        var stored = (await executor.GetExecutionAsync("run-1", CancellationToken.None)).ShouldNotBeNull();
        JsonAssert.Equal("""{"n":1}""", stored.Input);
    }

    [Fact]
    public async Task WaitForIdleAsync_ShouldCompleteWhenEveryExecutionHasEndedAndStoredItsOutcome()
    {
        var finished = new ConcurrentQueue<ExecutionRecord>();
        await using var executor = await CreateAsync(Counting(new ConcurrentQueue<string>()));
        executor.ExecutionFinished += (_, e) => finished.Enqueue(e.Execution);

        await executor.StartAsync("good", """{"n":1}""", CancellationToken.None);
        await executor.StartAsync("bad", """{"fail":true}""", CancellationToken.None);
        await executor.WaitForIdleAsync(CancellationToken.None).WaitAsync(Patience);

        var good = (await executor.GetExecutionAsync("good", CancellationToken.None)).ShouldNotBeNull();
        good.Status.ShouldBe(ExecutionStatus.Succeeded);
        JsonAssert.Equal("""{"n":1,"result":{"ok":true}}""", good.Output!);
        good.StopDate.ShouldNotBeNull();
        var bad = (await executor.GetExecutionAsync("bad", CancellationToken.None)).ShouldNotBeNull();
        (bad.Status, bad.Error, bad.Cause, bad.Output).ShouldBe((ExecutionStatus.Failed, "Asked", "the input said so", (string?)null));
        finished.Select(e => e.Name).Order(StringComparer.Ordinal).ShouldBe(["bad", "good"]);
        (await executor.ListExecutionsAsync(ExecutionStatus.Running, CancellationToken.None)).ShouldBeEmpty();
        (await executor.ListExecutionsAsync(null, CancellationToken.None)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Pending_ShouldCountExecutionsRunningOrWaitingAndWaitForAnEndShouldWakeWhenOneEnds()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var executor = await CreateAsync(async (_, ct) =>
        {
            await release.Task.WaitAsync(ct);
            return "{}";
        }, maxConcurrent: 1);
        var idlePending = executor.Pending;

        var end = executor.WaitForAnEndAsync(CancellationToken.None);
        await executor.StartAsync("a", "{}", CancellationToken.None);
        await executor.StartAsync("b", "{}", CancellationToken.None);   // waits for the one execution slot
        var pendingWhileHeld = executor.Pending;
        await Task.Delay(50);
        var endedWhileHeld = end.IsCompleted;
        release.SetResult();
        await end.WaitAsync(Patience);
        await executor.WaitForIdleAsync(CancellationToken.None).WaitAsync(Patience);

        (idlePending, pendingWhileHeld, endedWhileHeld, executor.Pending).ShouldBe((0, 2, false, 0));
        using var cancel = new CancellationTokenSource();
        var cancelled = executor.WaitForAnEndAsync(cancel.Token);
        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => cancelled);
    }

    [Fact]
    public async Task ResumeAsync_WhenAProcessStoppedDuringAnExecution_ShouldRunItAgainFromTheStart()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stuck = await CreateAsync(async (_, ct) =>
        {
            entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return "{}";
        });
        await stuck.StartAsync("run-1", """{"n":1}""", CancellationToken.None);
        await entered.Task.WaitAsync(Patience);
        await stuck.DisposeAsync();

        var calls = new ConcurrentQueue<string>();
        await using var restarted = await CreateAsync(Counting(calls));
        (await restarted.GetExecutionAsync("run-1", CancellationToken.None))!.Status.ShouldBe(ExecutionStatus.Running);

        var resumed = await restarted.ResumeAsync(CancellationToken.None);
        await restarted.WaitForIdleAsync(CancellationToken.None).WaitAsync(Patience);

        resumed.ShouldBe(1);
        JsonAssert.Equal("""{"n":1}""", calls.ShouldHaveSingleItem());
        (await restarted.GetExecutionAsync("run-1", CancellationToken.None))!.Status.ShouldBe(ExecutionStatus.Succeeded);
        (await restarted.StartAsync("run-1", """{"n":1}""", CancellationToken.None)).AlreadyExisted.ShouldBeTrue();
    }

    [Fact]
    public async Task StartAsync_ShouldRunNoMoreExecutionsAtOnceThanConfigured()
    {
        var running = 0;
        var maxRunning = 0;
        await using var executor = await CreateAsync(
            async (_, _) =>
            {
                var now = Interlocked.Increment(ref running);
                int seen;
                while ((seen = Volatile.Read(ref maxRunning)) < now && Interlocked.CompareExchange(ref maxRunning, now, seen) != seen)
                {
                }

                await Task.Yield();
                Interlocked.Decrement(ref running);
                return "{}";
            },
            maxConcurrent: 1);

        for (var i = 0; i < 4; i++)
        {
            await executor.StartAsync($"run-{i}", "{}", CancellationToken.None);
        }

        await executor.WaitForIdleAsync(CancellationToken.None).WaitAsync(Patience);

        maxRunning.ShouldBe(1);
        (await executor.ListExecutionsAsync(ExecutionStatus.Succeeded, CancellationToken.None)).Count.ShouldBe(4);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("a/b")]
    [InlineData("x:y")]
    public async Task StartAsync_WhenTheNameIsInvalid_ShouldThrow(string name)
    {
        await using var executor = await CreateAsync(Counting(new ConcurrentQueue<string>()));
        await Should.ThrowAsync<ArgumentException>(() => executor.StartAsync(name, "{}", CancellationToken.None));
    }

    [Fact]
    public async Task StartAsync_WhenTheInputIsNotJson_ShouldThrow()
    {
        await using var executor = await CreateAsync(Counting(new ConcurrentQueue<string>()));
        await Should.ThrowAsync<ArgumentException>(() => executor.StartAsync("run-1", "{not json", CancellationToken.None));
    }

    [Fact]
    public void Constructor_WhenATaskResourceHasNoInvoker_ShouldThrow()
    {
        var engine = new ExecutionEngine(new TaskResourceRegistry());
        Should.Throw<AslDefinitionException>(() => new LocalStateMachineExecutor(
            Definition, engine, new LocalStateMachineOptions { DataDirectory = _dataDirectory }, NullLogger<LocalStateMachineExecutor>.Instance));
    }
}
