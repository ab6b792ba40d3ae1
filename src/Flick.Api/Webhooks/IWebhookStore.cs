namespace Flick.Api.Webhooks;

/// <summary>Registered webhooks and their delivery logs.</summary>
public interface IWebhookStore
{
    /// <summary>Every webhook, oldest first.</summary>
    Task<IReadOnlyList<Webhook>> ListAsync(CancellationToken cancellationToken);

    Task<Webhook?> GetAsync(string id, CancellationToken cancellationToken);

    Task AddAsync(Webhook webhook, CancellationToken cancellationToken);

    /// <summary>Removes the webhook and its log; false when there is none.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>Logs a delivery attempt, keeping the newest <paramref name="keep"/> of the webhook.</summary>
    Task AppendDeliveryAsync(WebhookDelivery delivery, int keep, CancellationToken cancellationToken);

    /// <summary>The webhook's latest delivery attempts, newest first.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string webhookId, int limit, CancellationToken cancellationToken);
}
