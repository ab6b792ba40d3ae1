namespace Flick.Api.Webhooks;

/// <summary>One attempt to deliver one notification to one webhook.</summary>
/// <param name="StatusCode">The receiver's HTTP status, or null when no answer came.</param>
public sealed record WebhookDelivery(
    string WebhookId,
    string EventId,
    string EventType,
    int Attempt,
    bool Succeeded,
    int? StatusCode,
    string? Error,
    DateTimeOffset At);
