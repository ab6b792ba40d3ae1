using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flick.Local.StateMachine;

internal sealed partial class StateRunner
{
    /// <summary>One attempt of a Task, Map or Parallel state: input processing, the work, output processing.</summary>
    private async Task<JsonNode?> RunWorkAsync(AslWorkState state, JsonNode? input, Func<JsonNode?> context, CancellationToken cancellationToken)
    {
        var effective = InputOutputProcessor.SelectPath(input, state.InputPath, "InputPath");
        var result = state switch
        {
            AslTaskState task => await InvokeTaskAsync(task, InputOutputProcessor.ApplyParameters(effective, task.Parameters, context), cancellationToken),
            AslMapState map => await RunMapAsync(map, effective, context, cancellationToken),
            AslParallelState parallel => await RunParallelAsync(parallel, InputOutputProcessor.ApplyParameters(effective, parallel.Parameters, context), cancellationToken),
            _ => throw new InvalidOperationException($"Unhandled state type {state.GetType().Name}."),
        };
        var selected = InputOutputProcessor.ApplyResultSelector(result, state.ResultSelector, context);
        var combined = InputOutputProcessor.ApplyResultPath(input, selected, state.ResultPath);
        return InputOutputProcessor.SelectPath(combined, state.OutputPath, "OutputPath");
    }

    private async Task<JsonNode?> InvokeTaskAsync(AslTaskState task, JsonNode? payload, CancellationToken cancellationToken)
    {
        var invoker = scope.Resolve(task.Resource);
        using var timeout = task.TimeoutSeconds is { } seconds
            ? new CancellationTokenSource(TimeSpan.FromSeconds(seconds), scope.Options.TimeProvider)
            : null;
        using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        string output;
        try
        {
            output = await invoker(payload?.ToJsonString() ?? "null", linked?.Token ?? cancellationToken);
        }
        catch (StatesErrorException)
        {
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (timeout?.IsCancellationRequested == true)
        {
            throw new StatesErrorException(StatesErrors.Timeout, $"The task '{task.Name}' did not finish within {task.TimeoutSeconds} seconds.");
        }
        catch (Exception e)
        {
            // What Lambda's .NET runtime reports for an unhandled exception: the type name is the
            // error, and the cause is the error payload it returns.
            var type = e.GetType().Name;
            throw new StatesErrorException(type, new JsonObject { ["errorMessage"] = e.Message, ["errorType"] = type }.ToJsonString());
        }

        try
        {
            return string.IsNullOrWhiteSpace(output) ? null : JsonNode.Parse(output);
        }
        catch (JsonException e)
        {
            throw StatesErrorException.Runtime($"The task '{task.Name}' returned a result that is not JSON: {e.Message}");
        }
    }

    private async Task<JsonNode?> RunMapAsync(AslMapState map, JsonNode? effective, Func<JsonNode?> context, CancellationToken cancellationToken)
    {
        if (!map.ItemsPath!.TrySelect(effective, out var itemsNode) || itemsNode is not JsonArray items)
        {
            throw StatesErrorException.Runtime(
                $"The JSONPath '{map.ItemsPath}' specified for the field 'ItemsPath' must select an array in the input '{PayloadTemplate.Abbreviate(effective)}'.");
        }

        // Item inputs are built here, one after the other: iterations then never read the shared
        // input concurrently (a parsed JsonNode materialises lazily and is not thread-safe).
        var entered = scope.Now;
        var inputs = new JsonNode?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var index = i;
            inputs[i] = map.Parameters is null
                ? items[i]?.DeepClone()
                : map.Parameters.Evaluate(effective, () => scope.BuildContext(map.Name, entered, 0, index, items[index]));
        }

        var results = await RunAllAsync(inputs.Length, (i, ct) => RunMachineAsync(map.Processor, inputs[i], ct), map.MaxConcurrency, cancellationToken);
        return new JsonArray(results);
    }

    private async Task<JsonNode?> RunParallelAsync(AslParallelState parallel, JsonNode? effective, CancellationToken cancellationToken)
    {
        var inputs = parallel.Branches.Select(_ => effective?.DeepClone()).ToArray();
        var results = await RunAllAsync(inputs.Length, (i, ct) => RunMachineAsync(parallel.Branches[i], inputs[i], ct), 0, cancellationToken);
        return new JsonArray(results);
    }

    /// <summary>
    /// Runs the jobs with at most <paramref name="maxConcurrency"/> at once (0 = all), results in job
    /// order. The first job to fail cancels the others and its error becomes the state's error.
    /// </summary>
    private static async Task<JsonNode?[]> RunAllAsync(int count, Func<int, CancellationToken, Task<JsonNode?>> job, int maxConcurrency, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var gate = maxConcurrency > 0 ? new SemaphoreSlim(maxConcurrency) : null;
        var results = new JsonNode?[count];
        var gateLock = new object();
        Exception? firstFailure = null;

        async Task RunOneAsync(int index)
        {
            if (gate is not null)
            {
                await gate.WaitAsync(stop.Token);
            }

            try
            {
                results[index] = await job(index, stop.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                lock (gateLock)
                {
                    firstFailure ??= e;
                }

                await stop.CancelAsync();
            }
            finally
            {
                gate?.Release();
            }
        }

        try
        {
            await Task.WhenAll(Enumerable.Range(0, count).Select(RunOneAsync).ToList());
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The cancelled siblings of a failure, or the execution's own cancellation: decided below.
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (firstFailure is not null)
        {
            ExceptionDispatchInfo.Throw(firstFailure);
        }

        return results;
    }
}
