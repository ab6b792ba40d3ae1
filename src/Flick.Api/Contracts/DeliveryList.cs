namespace Flick.Api.Contracts;

public sealed record DeliveryList(string WebhookId, IReadOnlyList<Webhooks.WebhookDelivery> Deliveries);
