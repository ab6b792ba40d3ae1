namespace Flick.Api.Contracts;

public sealed record WebhookList(IReadOnlyList<WebhookView> Webhooks);
