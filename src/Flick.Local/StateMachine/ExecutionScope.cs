using System.Globalization;
using System.Text.Json.Nodes;

namespace Flick.Local.StateMachine;

/// <summary>What every state of one execution shares: the resources, the options, and the context object's facts.</summary>
internal sealed class ExecutionScope(ITaskResourceResolver resources, ExecutionEngineOptions options, ExecutionInfo execution, string inputJson)
{
    public ExecutionEngineOptions Options => options;

    public DateTimeOffset Now => options.TimeProvider.GetUtcNow();

    public Func<string, CancellationToken, Task<string>> Resolve(string resource) =>
        resources.Resolve(resource) ?? throw StatesErrorException.Runtime($"The task resource '{resource}' is not known to the local executor.");

    /// <summary>The context object (<c>$$</c>) as a state sees it; built only when a path asks for it.</summary>
    public JsonObject BuildContext(string stateName, DateTimeOffset enteredTime, int retryCount, int? itemIndex = null, JsonNode? itemValue = null)
    {
        var context = new JsonObject
        {
            ["Execution"] = new JsonObject
            {
                ["Id"] = execution.ExecutionArn,
                ["Input"] = JsonNode.Parse(inputJson),
                ["Name"] = execution.Name,
                ["StartTime"] = Format(execution.StartTime),
                ["RedriveCount"] = 0,
            },
            ["State"] = new JsonObject
            {
                ["EnteredTime"] = Format(enteredTime),
                ["Name"] = stateName,
                ["RetryCount"] = retryCount,
            },
            ["StateMachine"] = new JsonObject { ["Id"] = execution.StateMachineArn, ["Name"] = execution.StateMachineName },
        };
        if (itemIndex is { } index)
        {
            context["Map"] = new JsonObject { ["Item"] = new JsonObject { ["Index"] = index, ["Value"] = itemValue?.DeepClone() } };
        }

        return context;
    }

    public async Task DelayAsync(string stateName, DelayKind kind, int attempt, TimeSpan delay, CancellationToken cancellationToken)
    {
        options.DelayScheduled?.Invoke(new ScheduledDelay(stateName, kind, attempt, delay));
        var scaled = delay * (kind == DelayKind.Retry ? options.RetryDelayScale : options.WaitDelayScale);
        if (scaled > TimeSpan.Zero)
        {
            await Task.Delay(scaled, options.TimeProvider, cancellationToken);
        }
    }

    private static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
