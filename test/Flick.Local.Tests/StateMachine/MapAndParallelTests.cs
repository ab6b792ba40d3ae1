using System.Text.Json.Nodes;

namespace Flick.Local.Tests.StateMachine;

public sealed class MapAndParallelTests
{
    private const string Fn = "arn:aws:lambda:local:000000000000:function:fn";
    private const string A = "arn:aws:lambda:local:000000000000:function:a";
    private const string B = "arn:aws:lambda:local:000000000000:function:b";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static string MapMachine(string fields) => Asl.Machine("M", $$"""
        'M': { 'Type': 'Map', {{fields}},
               'ItemProcessor': { 'ProcessorConfig': { 'Mode': 'INLINE' }, 'StartAt': 'T',
                                  'States': { 'T': { 'Type': 'Task', 'Resource': '{{Fn}}', 'End': true } } },
               'End': true }
        """);

    [Fact]
    public async Task Map_WithItemSelector_ShouldBuildEachItemInputFromTheStateInputAndTheItem()
    {
        var harness = new EngineHarness().On(Fn, input => input!["value"]!.GetValue<string>().ToUpperInvariant());
        var definition = MapMachine("""
            'ItemsPath': '$.items',
            'ItemSelector': { 'run.$': '$.run', 'index.$': '$$.Map.Item.Index', 'value.$': '$$.Map.Item.Value' },
            'ResultPath': '$.results'
            """);

        var output = await harness.RunAsync(definition, """{"run":"r1","items":["a","b","c"]}""");

        JsonAssert.Equal("""{"run":"r1","items":["a","b","c"],"results":["A","B","C"]}""", output);
        harness.Calls.Select(c => JsonNode.Parse(c.Input)!["index"]!.GetValue<int>()).Order().ShouldBe([0, 1, 2]);
        JsonAssert.Equal("""{"run":"r1","index":1,"value":"b"}""", harness.Calls.Single(c => c.Input.Contains("\"b\"", StringComparison.Ordinal)).Input);
    }

    [Fact]
    public async Task Map_WithTheLegacyIteratorAndParameters_ShouldRunLikeItemProcessorAndItemSelector()
    {
        var harness = new EngineHarness().On(Fn, input => input!["v"]!.GetValue<int>() * 2);
        var definition = Asl.Machine("M", $$"""
            'M': { 'Type': 'Map', 'ItemsPath': '$.items', 'MaxConcurrency': 0,
                   'Parameters': { 'v.$': '$$.Map.Item.Value' },
                   'Iterator': { 'StartAt': 'T', 'States': { 'T': { 'Type': 'Task', 'Resource': '{{Fn}}', 'End': true } } },
                   'ResultSelector': { 'doubled.$': '$' },
                   'End': true }
            """);

        var output = await harness.RunAsync(definition, """{"items":[1,2,3,4]}""");

        JsonAssert.Equal("""{"doubled":[2,4,6,8]}""", output);
    }

    [Fact]
    public async Task Map_WithMaxConcurrencyTwo_ShouldRunTwoAtOnceAtMostAndKeepItemOrder()
    {
        var running = 0;
        var maxRunning = 0;
        var arrivals = 0;
        var finished = 0;
        var twoInside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var othersDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var harness = new EngineHarness().OnAsync(Fn, async (input, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxRunning, now);
            if (Interlocked.Increment(ref arrivals) == 2)
            {
                twoInside.SetResult();
            }

            // The first two arrivals both wait until both are inside: this only finishes if two run at once.
            await twoInside.Task.WaitAsync(Patience, ct);
            var item = input!.GetValue<int>();
            if (item == 0)
            {
                // Item 0 finishes last, so the result order cannot come from completion order.
                await othersDone.Task.WaitAsync(Patience, ct);
            }

            await Task.Yield();
            Interlocked.Decrement(ref running);
            if (item != 0 && Interlocked.Increment(ref finished) == 5)
            {
                othersDone.SetResult();
            }

            return item * 10;
        });

        var output = await harness.RunAsync(MapMachine("'MaxConcurrency': 2"), "[0,1,2,3,4,5]");

        JsonAssert.Equal("[0,10,20,30,40,50]", output);
        maxRunning.ShouldBe(2);
    }

    [Fact]
    public async Task Map_WhenItemsPathIsNotAnArray_ShouldFailWithStatesRuntime()
    {
        var error = await new EngineHarness().On(Fn, _ => null).RunFailingAsync(MapMachine("'ItemsPath': '$.items'"), """{"items":"x"}""");
        error.Error.ShouldBe("States.Runtime");
    }

    [Fact]
    public async Task Map_WhenAnIterationFails_ShouldFailWithItsErrorForTheMapCatch()
    {
        var harness = new EngineHarness().On(Fn, input => input!.GetValue<int>() == 2 ? throw new ArgumentException("bad item") : input);
        var definition = Asl.Machine("M", $$"""
            'M': { 'Type': 'Map', 'ItemsPath': '$.items', 'ItemProcessor': { 'StartAt': 'T', 'States': { 'T': { 'Type': 'Task', 'Resource': '{{Fn}}', 'End': true } } },
                   'Catch': [ { 'ErrorEquals': ['ArgumentException'], 'ResultPath': '$.error', 'Next': 'Caught' } ], 'End': true },
            'Caught': { 'Type': 'Pass', 'OutputPath': '$.error.Error', 'End': true }
            """);

        var output = await harness.RunAsync(definition, """{"items":[1,2,3]}""");

        output!.GetValue<string>().ShouldBe("ArgumentException");
    }

    private static string ParallelMachine(string extra = "") => Asl.Machine("P", $$"""
        'P': { 'Type': 'Parallel', {{extra}}
               'Branches': [
                 { 'StartAt': 'A', 'States': { 'A': { 'Type': 'Task', 'Resource': '{{A}}', 'End': true } } },
                 { 'StartAt': 'B', 'States': { 'B': { 'Type': 'Task', 'Resource': '{{B}}', 'End': true } } } ],
               'End': true },
        'Caught': { 'Type': 'Pass', 'End': true }
        """);

    [Fact]
    public async Task Parallel_ShouldGiveEveryBranchTheInputAndReturnResultsInBranchOrder()
    {
        var bDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var harness = new EngineHarness()
            .OnAsync(A, async (input, ct) =>
            {
                await bDone.Task.WaitAsync(Patience, ct); // A finishes after B.
                return new JsonObject { ["a"] = input!["x"]!.GetValue<int>() };
            })
            .On(B, input =>
            {
                bDone.SetResult();
                return new JsonObject { ["b"] = input!["x"]!.GetValue<int>() + 1 };
            });

        var output = await harness.RunAsync(ParallelMachine("'ResultPath': '$.both',"), """{"x":1}""");

        JsonAssert.Equal("""{"x":1,"both":[{"a":1},{"b":2}]}""", output);
    }

    [Fact]
    public async Task Parallel_WhenABranchFails_ShouldCancelTheOthersAndFailWithTheBranchError()
    {
        var aCancelled = false;
        var aStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var harness = new EngineHarness()
            .OnAsync(A, async (_, ct) =>
            {
                aStarted.SetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    aCancelled = true;
                    throw;
                }

                return null;
            })
            .OnAsync(B, async (_, ct) =>
            {
                await aStarted.Task.WaitAsync(Patience, ct);
                throw new FormatException("bad");
            });

        var output = await harness.RunAsync(
            ParallelMachine("'Catch': [ { 'ErrorEquals': ['FormatException'], 'ResultPath': '$.error', 'Next': 'Caught' } ],"),
            """{"x":1}""");

        output!["error"]!["Error"]!.GetValue<string>().ShouldBe("FormatException");
        output["x"]!.GetValue<int>().ShouldBe(1);
        aCancelled.ShouldBeTrue();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
