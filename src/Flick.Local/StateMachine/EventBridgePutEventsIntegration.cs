using System.Text.Json;
using System.Text.Json.Nodes;
using Flick.Core.Ports;

namespace Flick.Local.StateMachine;

/// <summary>
/// The optimised <c>events:putEvents</c> service integration, delivering to the local
/// <see cref="IEventBus"/>. Input: <c>{"Entries":[{"EventBusName","Source","DetailType","Detail"}]}</c>
/// where Detail is an object or JSON text; result: <c>{"Entries":[{"EventId"}],"FailedEntryCount":0}</c>.
/// The local runtime has one bus, so EventBusName is required but not used to route.
/// </summary>
public sealed class EventBridgePutEventsIntegration(IEventBus bus)
{
    public const string ResourceArn = "arn:aws:states:::events:putEvents";

    /// <summary>PutEvents takes at most this many entries per call.</summary>
    public const int MaxEntries = 10;

    /// <summary>Errors raised when the bus refuses an entry (as AWS fails the task on FailedEntryCount &gt; 0).</summary>
    public const string FailedEntryError = "EventBridge.FailedEntry";

    /// <summary>Errors raised for a malformed request, which AWS rejects as a validation error.</summary>
    public const string ValidationError = "EventBridge.ValidationException";

    public async Task<string> InvokeAsync(string inputJson, CancellationToken cancellationToken)
    {
        var entries = ParseEntries(inputJson);
        try
        {
            await bus.PublishAsync(entries, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new StatesErrorException(FailedEntryError, $"The event bus did not accept the entries: {e.Message}");
        }

        var ids = new JsonArray(entries.Select(_ => (JsonNode)new JsonObject { ["EventId"] = Guid.NewGuid().ToString() }).ToArray());
        return new JsonObject { ["Entries"] = ids, ["FailedEntryCount"] = 0 }.ToJsonString();
    }

    private static List<BusEvent> ParseEntries(string inputJson)
    {
        JsonNode? input;
        try
        {
            input = JsonNode.Parse(inputJson);
        }
        catch (JsonException e)
        {
            throw new StatesErrorException(ValidationError, $"The putEvents parameters are not JSON: {e.Message}");
        }

        if (input?["Entries"] is not JsonArray entries || entries.Count is 0 or > MaxEntries)
        {
            throw new StatesErrorException(ValidationError, $"Entries must be an array of 1 to {MaxEntries} entries.");
        }

        return entries.Select(ParseEntry).ToList();
    }

    private static BusEvent ParseEntry(JsonNode? node, int index)
    {
        var entry = node as JsonObject ?? throw new StatesErrorException(ValidationError, $"Entries[{index}] must be an object.");
        var source = Text(entry, "Source", index);
        var detailType = Text(entry, "DetailType", index);
        Text(entry, "EventBusName", index);
        var detail = entry["Detail"] switch
        {
            JsonObject obj => obj.ToJsonString(),
            JsonValue v when v.TryGetValue<string>(out var s) && IsJsonObject(s) => s,
            _ => throw new StatesErrorException(ValidationError, $"Entries[{index}].Detail must be a JSON object (or its text)."),
        };
        var resources = entry["Resources"] is JsonArray r ? r.Select(x => x?.GetValue<string>() ?? string.Empty).ToList() : null;
        return new BusEvent(source, detailType, detail, resources);
    }

    private static string Text(JsonObject entry, string field, int index) =>
        entry[field] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0
            ? s
            : throw new StatesErrorException(ValidationError, $"Entries[{index}].{field} must be a non-empty string.");

    private static bool IsJsonObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
