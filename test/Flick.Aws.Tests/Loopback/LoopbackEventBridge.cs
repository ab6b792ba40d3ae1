using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flick.Testing.Contracts;

namespace Flick.Aws.Tests.Loopback;

/// <summary>
/// EventBridge's <c>PutEvents</c> (AWS JSON 1.1, target <c>AWSEvents.</c>) as the API reference describes it: at most
/// ten entries a request (else <c>ValidationException</c>); each entry is judged on its own and answered in
/// request order, with an <c>EventId</c> when accepted or an <c>ErrorCode</c> and <c>ErrorMessage</c> when not, and
/// <c>FailedEntryCount</c> counts the failures. An entry without source, detail type or detail, or whose detail is
/// not a JSON object, fails with <c>MalformedDetail</c>/<c>InvalidArgument</c>; an unknown bus with <c>NotFound</c>.
/// <see cref="ThrottleNext"/> makes the next entries fail with <c>ThrottlingException</c>, as under load.
/// </summary>
public sealed class LoopbackEventBridge(string busName, string region)
    : LoopbackAwsServer("AWSEvents.", "application/x-amz-json-1.1", "events", region)
{
    private readonly ConcurrentQueue<PublishedEvent> _accepted = new();
    private int _throttle;
    private int _requests;

    /// <summary>Every entry accepted, in the order accepted.</summary>
    public IReadOnlyList<PublishedEvent> Accepted => [.. _accepted];

    public int PutEventsRequests => Volatile.Read(ref _requests);

    public void ThrottleNext(int entries) => Volatile.Write(ref _throttle, entries);

    protected override (int Status, string Body) Handle(string operation, JsonElement body)
    {
        if (operation != "PutEvents")
        {
            return Error("UnknownOperationException", operation);
        }

        Interlocked.Increment(ref _requests);
        var entries = body.TryGetProperty("Entries", out var e) ? e.EnumerateArray().ToList() : [];
        if (entries.Count is 0 or > 10)
        {
            return Error("ValidationException", $"1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length between 1 and 10 ({entries.Count})");
        }

        var results = new JsonArray();
        var failed = 0;
        foreach (var entry in entries)
        {
            var (code, message) = Judge(entry);
            if (code is null)
            {
                _accepted.Enqueue(Published(entry));
                results.Add(new JsonObject { ["EventId"] = Guid.NewGuid().ToString() });
            }
            else
            {
                failed++;
                results.Add(new JsonObject { ["ErrorCode"] = code, ["ErrorMessage"] = message });
            }
        }

        return (200, new JsonObject { ["FailedEntryCount"] = failed, ["Entries"] = results }.ToJsonString());
    }

    private (string? Code, string? Message) Judge(JsonElement entry)
    {
        if (Interlocked.Decrement(ref _throttle) >= 0)
        {
            return ("ThrottlingException", "Rate exceeded");
        }

        var bus = Text(entry, "EventBusName") ?? "default";
        if (bus != busName)
        {
            return ("NotFound", $"Event bus {bus} does not exist.");
        }

        if (string.IsNullOrEmpty(Text(entry, "Source")) || string.IsNullOrEmpty(Text(entry, "DetailType")))
        {
            return ("InvalidArgument", "Parameter Source or DetailType is not valid.");
        }

        try
        {
            if (JsonNode.Parse(Text(entry, "Detail") ?? "") is JsonObject)
            {
                return (null, null);
            }
        }
        catch (JsonException)
        {
        }

        return ("MalformedDetail", "Detail is malformed.");
    }

    private static PublishedEvent Published(JsonElement entry) => new(
        Text(entry, "Source")!,
        Text(entry, "DetailType")!,
        Text(entry, "Detail")!,
        entry.TryGetProperty("Resources", out var r) ? [.. r.EnumerateArray().Select(x => x.GetString()!)] : [],
        entry.TryGetProperty("Time", out var t) ? DateTimeOffset.FromUnixTimeMilliseconds((long)(t.GetDouble() * 1000)) : null);

    private static string? Text(JsonElement entry, string name) => entry.TryGetProperty(name, out var value) ? value.GetString() : null;
}
