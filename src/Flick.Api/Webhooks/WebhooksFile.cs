namespace Flick.Api.Webhooks;

/// <summary>The content of <c>webhooks.json</c>: webhooks, and each one's log newest first.</summary>
public sealed record WebhooksFile(IReadOnlyList<Webhook> Webhooks, IReadOnlyList<WebhookDelivery> Deliveries);
