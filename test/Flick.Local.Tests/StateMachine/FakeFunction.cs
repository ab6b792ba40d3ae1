using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Flick.Pipeline.Functions;

namespace Flick.Local.Tests.StateMachine;

/// <summary>A pipeline function stand-in: records every payload and answers with a hand-written result.</summary>
internal sealed class FakeFunction(string name, Func<JsonNode?, int, JsonNode?> respond) : IFunctionHandler
{
    private int _calls;

    public string Name => name;

    public ConcurrentQueue<string> Payloads { get; } = new();

    public int Calls => Volatile.Read(ref _calls);

    public Task<string> InvokeAsync(string payload, CancellationToken cancellationToken)
    {
        Payloads.Enqueue(payload);
        var call = Interlocked.Increment(ref _calls);
        return Task.FromResult(respond(JsonNode.Parse(payload), call)?.ToJsonString() ?? "null");
    }
}
