using System.Text.Json.Serialization;

namespace Flick.Aws.Events;

/// <summary>EventBridge's PutEvents request (AWS JSON 1.1: members in PascalCase).</summary>
internal sealed record PutEventsRequest([property: JsonPropertyName("Entries")] IReadOnlyList<PutEventsRequestEntry> Entries);

/// <summary>One entry; <c>Time</c> is epoch seconds, as the JSON protocol encodes timestamps.</summary>
internal sealed record PutEventsRequestEntry(
    [property: JsonPropertyName("Source")] string Source,
    [property: JsonPropertyName("DetailType")] string DetailType,
    [property: JsonPropertyName("Detail")] string Detail,
    [property: JsonPropertyName("Resources")] IReadOnlyList<string>? Resources,
    [property: JsonPropertyName("Time")] long? Time,
    [property: JsonPropertyName("EventBusName")] string EventBusName);

/// <summary>PutEvents' response: one result per request entry, in the request's order.</summary>
internal sealed record PutEventsResponse(
    [property: JsonPropertyName("FailedEntryCount")] int FailedEntryCount,
    [property: JsonPropertyName("Entries")] IReadOnlyList<PutEventsResultEntry>? Entries);

internal sealed record PutEventsResultEntry(
    [property: JsonPropertyName("EventId")] string? EventId,
    [property: JsonPropertyName("ErrorCode")] string? ErrorCode,
    [property: JsonPropertyName("ErrorMessage")] string? ErrorMessage);
