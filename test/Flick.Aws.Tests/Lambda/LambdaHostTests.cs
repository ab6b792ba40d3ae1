using System.Text;
using Flick.Aws.Lambda;
using Flick.Core.Ports;
using Flick.Pipeline;
using Flick.Pipeline.Functions;
using Flick.Pipeline.Ingest;
using Flick.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Flick.Aws.Tests.Lambda;

[Collection(HostCollection.Name)]
public class LambdaHostTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task RunAsync_WhenHandlerSucceeds_ShouldPostItsResponse()
    {
        await using var run = HostHarness.Start((payload, _, _) => Task.FromResult($"{{\"echo\":{payload}}}"));

        var id = run.Api.Enqueue("{\"n\":1}", Timeout);
        var outcome = await run.Api.OutcomeAsync(id);

        outcome.Kind.ShouldBe(RuntimeApiRecord.Response);
        outcome.Body.ShouldBe("{\"echo\":{\"n\":1}}");
        (await run.StopAsync()).ShouldBe(LambdaExitCodes.Stopped);
    }

    [Fact]
    public async Task RunAsync_WhenHandlerThrows_ShouldPostInvocationErrorTypedByTheException()
    {
        await using var run = HostHarness.Start((_, _, _) => throw new InvalidDataException("record 7 has no user_id"));

        var outcome = await run.Api.OutcomeAsync(run.Api.Enqueue("{}", Timeout));

        outcome.Kind.ShouldBe(RuntimeApiRecord.Error);
        outcome.ErrorTypeHeader.ShouldBe("InvalidDataException");
        outcome.ErrorType.ShouldBe("InvalidDataException");
        outcome.ErrorMessage.ShouldBe("record 7 has no user_id");
        outcome.StackTrace.ShouldContain(frame => frame.Contains(nameof(LambdaHostTests), StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_WhenInitializationFails_ShouldPostInitErrorAndExitWithoutPolling()
    {
        await using var run = HostHarness.StartWithInit(_ => throw new InvalidOperationException("no object store is registered"));

        var initError = await run.Api.InitErrorAsync();

        initError.ErrorTypeHeader.ShouldBe("InvalidOperationException");
        initError.ErrorType.ShouldBe("InvalidOperationException");
        initError.ErrorMessage.ShouldBe("no object store is registered");
        (await run.ExitCodeAsync()).ShouldBe(LambdaExitCodes.InitFailed);
        run.Api.NextRequests.ShouldBe(0);
    }

    [Fact]
    public async Task RunAsync_WhenHandlerWaitsPastTheDeadline_ShouldCancelItReportTimeoutAndServeTheNext()
    {
        var start = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(start);
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        DateTimeOffset? cancelledAt = null;
        await using var run = HostHarness.Start(async (payload, _, ct) =>
        {
            if (payload == "\"slow\"")
            {
                ct.Register(() => cancelledAt = time.GetUtcNow());
                waiting.TrySetResult();
                await Task.Delay(System.Threading.Timeout.Infinite, ct);
            }

            return "\"done\"";
        }, time);

        var slow = run.Api.Enqueue("\"slow\"", TimeSpan.FromSeconds(3));
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var outcome = await AdvanceUntilOutcomeAsync(run, time, slow);

        outcome.Kind.ShouldBe(RuntimeApiRecord.Error);
        outcome.ErrorTypeHeader.ShouldBe(LambdaErrorTypes.Timeout);
        outcome.ErrorType.ShouldBe("Sandbox.Timedout");
        // The default margin: the token fires 500 ms before the 3 s deadline.
        cancelledAt.ShouldBe(start + TimeSpan.FromMilliseconds(2500));
        var next = await run.Api.OutcomeAsync(run.Api.Enqueue("\"quick\"", TimeSpan.FromSeconds(3)));
        next.Body.ShouldBe("\"done\"");
        (await run.StopAsync()).ShouldBe(LambdaExitCodes.Stopped);
    }

    [Fact]
    public async Task RunAsync_WhenHandlerIgnoresCancellation_ShouldReportTimeoutAndEndTheProcess()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var run = HostHarness.Start((_, _, _) =>
        {
            started.TrySetResult();
            return never.Task;
        }, time);

        var id = run.Api.Enqueue("{}", TimeSpan.FromSeconds(3));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var outcome = await AdvanceUntilOutcomeAsync(run, time, id);

        outcome.ErrorType.ShouldBe(LambdaErrorTypes.Timeout);
        outcome.ErrorMessage.ShouldContain("the process ends");
        (await run.ExitCodeAsync()).ShouldBe(LambdaExitCodes.HandlerAbandoned);
        never.TrySetResult("late");
    }

    [Fact]
    public async Task RunAsync_WhenGivenManyInvocations_ShouldServeThemAllAfterOneInit()
    {
        var inits = 0;
        await using var run = HostHarness.StartWithInit(_ =>
        {
            Interlocked.Increment(ref inits);
            return Task.FromResult<LambdaFunction>((payload, context, _) => Task.FromResult($"{payload}@{context.RequestId}"));
        });

        var ids = Enumerable.Range(1, 40).Select(n => (N: n, Id: run.Api.Enqueue(n.ToString(System.Globalization.CultureInfo.InvariantCulture), Timeout))).ToList();

        foreach (var (n, id) in ids)
        {
            (await run.Api.OutcomeAsync(id)).Body.ShouldBe($"{n}@{id}");
        }

        inits.ShouldBe(1);
        (await run.StopAsync()).ShouldBe(LambdaExitCodes.Stopped);
    }

    [Fact]
    public async Task RunAsync_WhenInvocationHasTraceId_ShouldExportItForThatInvocationOnly()
    {
        await using var run = HostHarness.Start((_, _, _) =>
            Task.FromResult(Environment.GetEnvironmentVariable(LambdaHost.TraceIdVariable) ?? "none"));
        const string trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

        var traced = await run.Api.OutcomeAsync(run.Api.Enqueue("{}", Timeout, trace));
        var untraced = await run.Api.OutcomeAsync(run.Api.Enqueue("{}", Timeout));

        traced.Body.ShouldBe(trace);
        untraced.Body.ShouldBe("none");
    }

    [Fact]
    public async Task RunAsync_ShouldGiveTheHandlerTheInvocationsHeaders()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        await using var run = HostHarness.Start((_, c, _) =>
            Task.FromResult($"{c.FunctionName}|{c.RequestId}|{c.Invocation.InvokedFunctionArn}|{c.Deadline.ToUnixTimeMilliseconds()}|{c.TraceId}"), time);

        var id = run.Api.Enqueue("{}", TimeSpan.FromSeconds(30), "Root=1-a-b");
        var outcome = await run.Api.OutcomeAsync(id);

        // 2026-11-23T10:00:30Z in Unix milliseconds.
        outcome.Body.ShouldBe($"{HostHarness.FunctionName}|{id}|{LoopbackRuntimeApi.FunctionArn}|1795428030000|Root=1-a-b");
    }

    [Fact]
    public async Task RunAsync_WhenServingTheBackgroundStarter_ShouldReturnExactlyThePoisonMessageInBatchItemFailures()
    {
        var store = new InMemoryObjectStore();
        store.Put(Buckets.Raw, "uploads/demo.json", Encoding.UTF8.GetBytes(
            """{"series":"demo","samples":[{"at":"2026-11-23T10:00:05Z","streams":[{"id":"s1","user_id":"1","type":"live","viewer_count":10}]}]}"""));
        var options = new PipelineOptions();
        var starter = new BackgroundStarterFunction(
            new RawObjectIngestor(store, options.Buckets, TimeProvider.System), options, NullLogger<BackgroundStarterFunction>.Instance);
        await using var run = HostHarness.Start(starter.ToLambdaFunction());

        var outcome = await run.Api.OutcomeAsync(run.Api.Enqueue(SqsEvents.Batch(
            ("good", SqsEvents.ObjectCreated(Buckets.Raw, "uploads/demo.json")),
            ("poison", "{not json")), Timeout));

        outcome.Kind.ShouldBe(RuntimeApiRecord.Response);
        SqsEvents.FailedIds(outcome.Body).ShouldBe(["poison"]);
        store.All.ShouldContain(o => o.Bucket == Buckets.Series && o.Key.StartsWith("manifests/demo/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_WhenRuntimeApiIsUnreachable_ShouldExitWithRuntimeApiFailed()
    {
        var api = LoopbackRuntimeApi.Start();
        var address = api.Address;
        await api.DisposeAsync();
        using var client = new LambdaRuntimeClient(address);
        var host = new LambdaHost(client, new LambdaHostOptions { FunctionName = "f" }, new LambdaOutput(new CapturedLinesStream()));

        var exit = await host.RunAsync(_ => Task.FromResult<LambdaFunction>((p, _, _) => Task.FromResult(p)), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(60));

        exit.ShouldBe(LambdaExitCodes.RuntimeApiFailed);
    }

    // Fake time moves only when told: step it until the host has posted the outcome.
    internal static async Task<RuntimeApiRecord> AdvanceUntilOutcomeAsync(HostHarness run, FakeTimeProvider time, string requestId)
    {
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!run.Api.HasOutcome(requestId) && DateTime.UtcNow < giveUp)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(5);
        }

        return await run.Api.OutcomeAsync(requestId);
    }
}
