using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flick.Testing.Contracts;

namespace Flick.Aws.Tests.Loopback;

/// <summary>
/// Step Functions' <c>StartExecution</c> (AWS JSON 1.0, target <c>AWSStepFunctions.</c>) for one state machine, as
/// the API reference describes it: a new name starts an execution and answers its ARN and start date; the same
/// name with the same input while that execution is open answers the same; the same name with another input,
/// or once the execution has closed, is <c>ExecutionAlreadyExists</c>. An unknown state machine is
/// <c>StateMachineDoesNotExist</c>, an input that is not JSON <c>InvalidExecutionInput</c>, a bad name <c>InvalidName</c>.
/// </summary>
public sealed class LoopbackStepFunctions(string stateMachineArn, string region)
    : LoopbackAwsServer("AWSStepFunctions.", "application/x-amz-json-1.0", "states", region)
{
    private readonly ConcurrentDictionary<string, Execution> _executions = new(StringComparer.Ordinal);

    public IReadOnlyList<StartedExecution> Executions(string name) =>
        _executions.TryGetValue(name, out var e) ? [new StartedExecution(e.Arn, e.Input)] : [];

    /// <summary>Closes the execution (it succeeded).</summary>
    public void End(string name) => _executions[name] = _executions[name] with { Open = false };

    protected override (int Status, string Body) Handle(string operation, JsonElement body)
    {
        if (operation != "StartExecution")
        {
            return Error("UnknownOperationException", operation);
        }

        var arn = body.TryGetProperty("stateMachineArn", out var a) ? a.GetString() : null;
        var name = body.TryGetProperty("name", out var n) ? n.GetString() : Guid.NewGuid().ToString();
        var input = body.TryGetProperty("input", out var i) ? i.GetString() ?? "{}" : "{}";
        if (arn != stateMachineArn)
        {
            return Error("StateMachineDoesNotExist", $"State Machine Does Not Exist: '{arn}'");
        }

        if (string.IsNullOrEmpty(name) || name.Length > 80 || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || "<>{}[]?*\"#%\\^|~`$&,;:/".Contains(c, StringComparison.Ordinal)))
        {
            return Error("InvalidName", $"Invalid Name: '{name}'");
        }

        try
        {
            JsonNode.Parse(input);
        }
        catch (JsonException)
        {
            return Error("InvalidExecutionInput", "Invalid State Machine Execution Input: the input is not JSON");
        }

        var parts = stateMachineArn.Split(':');
        var executionArn = $"arn:{parts[1]}:states:{parts[3]}:{parts[4]}:execution:{parts[6]}:{name}";
        var candidate = new Execution(executionArn, input, DateTimeOffset.UtcNow, Open: true);
        var stored = _executions.GetOrAdd(name, candidate);
        if (!ReferenceEquals(stored, candidate) && (!stored.Open || stored.Input != input))
        {
            return Error("ExecutionAlreadyExists", $"Execution Already Exists: '{stored.Arn}'");
        }

        return (200, JsonSerializer.Serialize(new JsonObject
        {
            ["executionArn"] = stored.Arn,
            ["startDate"] = stored.StartDate.ToUnixTimeMilliseconds() / 1000.0,
        }));
    }

    private sealed record Execution(string Arn, string Input, DateTimeOffset StartDate, bool Open);
}
