namespace Flick.Api.Webhooks;

/// <summary>
/// Webhooks in memory. <see cref="JsonFileWebhookStore"/> adds a file under the same rules, through
/// <see cref="Snapshot"/> and <see cref="Changed"/>.
/// </summary>
public class InMemoryWebhookStore : IWebhookStore
{
    private readonly Lock _lock = new();
    private List<Webhook> _webhooks = [];
    private List<WebhookDelivery> _deliveries = [];

    public async Task<IReadOnlyList<Webhook>> ListAsync(CancellationToken cancellationToken)
    {
        await LoadedAsync(cancellationToken);
        lock (_lock)
        {
            return _webhooks.ToList();
        }
    }

    public async Task<Webhook?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await LoadedAsync(cancellationToken);
        lock (_lock)
        {
            return _webhooks.FirstOrDefault(w => w.Id == id);
        }
    }

    public async Task AddAsync(Webhook webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        await LoadedAsync(cancellationToken);
        lock (_lock)
        {
            _webhooks = [.. _webhooks.Where(w => w.Id != webhook.Id), webhook];
        }

        await Changed(cancellationToken);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await LoadedAsync(cancellationToken);
        lock (_lock)
        {
            if (!_webhooks.Any(w => w.Id == id))
            {
                return false;
            }

            _webhooks = _webhooks.Where(w => w.Id != id).ToList();
            _deliveries = _deliveries.Where(d => d.WebhookId != id).ToList();
        }

        await Changed(cancellationToken);
        return true;
    }

    public async Task AppendDeliveryAsync(WebhookDelivery delivery, int keep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await LoadedAsync(cancellationToken);
        lock (_lock)
        {
            var own = _deliveries.Where(d => d.WebhookId == delivery.WebhookId).Take(Math.Max(keep - 1, 0));
            _deliveries = [delivery, .. own, .. _deliveries.Where(d => d.WebhookId != delivery.WebhookId)];
        }

        await Changed(cancellationToken);
    }

    public async Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string webhookId, int limit, CancellationToken cancellationToken)
    {
        await LoadedAsync(cancellationToken);
        lock (_lock)
        {
            return _deliveries.Where(d => d.WebhookId == webhookId).Take(limit).ToList();
        }
    }

    /// <summary>A consistent copy of the whole state.</summary>
    protected WebhooksFile Snapshot()
    {
        lock (_lock)
        {
            return new WebhooksFile(_webhooks.ToList(), _deliveries.ToList());
        }
    }

    /// <summary>Replaces the whole state (when loading it).</summary>
    protected void Restore(WebhooksFile state)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (_lock)
        {
            _webhooks = state.Webhooks.ToList();
            _deliveries = state.Deliveries.ToList();
        }
    }

    /// <summary>Called before every read and change, so that a subclass can load its state first.</summary>
    protected virtual Task LoadedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called after every change.</summary>
    protected virtual Task Changed(CancellationToken cancellationToken) => Task.CompletedTask;
}
