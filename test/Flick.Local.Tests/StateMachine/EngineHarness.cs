using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Flick.Local.StateMachine;

namespace Flick.Local.Tests.StateMachine;

/// <summary>Runs small hand-written definitions against fake task resources, recording calls and delays.</summary>
internal sealed class EngineHarness
{
    public static readonly DateTimeOffset StartTime = new(2026, 11, 23, 17, 30, 0, TimeSpan.Zero);

    private readonly TaskResourceRegistry _registry = new();

    public ConcurrentQueue<ScheduledDelay> Delays { get; } = new();

    public ConcurrentQueue<(string Resource, string Input)> Calls { get; } = new();

    public double JitterFraction { get; init; } = 0.5;

    public EngineHarness On(string resource, Func<JsonNode?, JsonNode?> handler) =>
        OnAsync(resource, (input, _) => Task.FromResult(handler(input)));

    public EngineHarness OnAsync(string resource, Func<JsonNode?, CancellationToken, Task<JsonNode?>> handler)
    {
        _registry.Add(resource, async (json, ct) =>
        {
            Calls.Enqueue((resource, json));
            var result = await handler(JsonNode.Parse(json), ct);
            return result?.ToJsonString() ?? "null";
        });
        return this;
    }

    public EngineHarness OnRaw(string resource, Func<string, CancellationToken, Task<string>> invoker)
    {
        _registry.Add(resource, invoker);
        return this;
    }

    public int CallCount(string resource) => Calls.Count(c => c.Resource == resource);

    public ExecutionEngine CreateEngine() => new(_registry, new ExecutionEngineOptions
    {
        RetryDelayScale = 0,
        WaitDelayScale = 0,
        JitterSource = () => JitterFraction,
        DelayScheduled = Delays.Enqueue,
    });

    public static ExecutionInfo Execution(string name = "exec-1") =>
        new($"arn:aws:states:local:000000000000:execution:test:{name}", name, StartTime, "arn:aws:states:local:000000000000:stateMachine:test", "test");

    public Task<JsonNode?> RunAsync(string definitionJson, string inputJson) =>
        CreateEngine().RunAsync(AslDefinition.Parse(definitionJson), JsonNode.Parse(inputJson), Execution(), CancellationToken.None);

    public async Task<ExecutionFailedException> RunFailingAsync(string definitionJson, string inputJson) =>
        await Should.ThrowAsync<ExecutionFailedException>(() => RunAsync(definitionJson, inputJson));
}
