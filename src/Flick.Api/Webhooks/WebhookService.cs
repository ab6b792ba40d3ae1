using Flick.Api.Contracts;
using Flick.Api.Http;
using Flick.Api.Input;
using Flick.Api.Notifications;

namespace Flick.Api.Webhooks;

/// <summary>Registering, listing and removing webhooks, and reading their delivery logs.</summary>
public sealed class WebhookService(IWebhookStore store, TimeProvider clock)
{
    private const int MaxUrlLength = 2_000;

    public async Task<WebhookList> ListAsync(CancellationToken ct) =>
        new((await store.ListAsync(ct)).Select(w => new WebhookView(w.Id, w.Url, w.Events, w.CreatedAt)).ToList());

    public async Task<Outcome<CreatedWebhook>> CreateAsync(CreateWebhookRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new InputErrors();
        if (request.Url.Length > MaxUrlLength || !Uri.TryCreate(request.Url, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.UserInfo.Length > 0)
        {
            errors.Add("url", $"url must be an absolute http(s) URL without credentials, at most {MaxUrlLength} characters");
        }

        var events = request.Events ?? SeriesEvent.Types;
        if (events.Count == 0 || events.Any(e => !SeriesEvent.Types.Contains(e, StringComparer.Ordinal)))
        {
            errors.Add("events", "events must name one or both of SeriesReady, SeriesFailed");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var webhook = new Webhook(Guid.NewGuid().ToString("N"), request.Url, events.Distinct(StringComparer.Ordinal).ToList(), WebhookSigner.NewSecret(), clock.GetUtcNow());
        await store.AddAsync(webhook, ct);
        return new CreatedWebhook(webhook.Id, webhook.Url, webhook.Events, webhook.CreatedAt, webhook.Secret);
    }

    public async Task<Outcome<bool>> DeleteAsync(string? id, CancellationToken ct)
    {
        if (!ApiInput.IsId(id))
        {
            return ApiError.Invalid("id", $"id must be 1 to {InputRules.MaxIdLength} ASCII letters or digits");
        }

        return await store.DeleteAsync(id!, ct) ? true : ApiError.NotFound($"webhook '{id}' does not exist");
    }

    public async Task<Outcome<DeliveryList>> DeliveriesAsync(string? id, string? limit, CancellationToken ct)
    {
        var errors = new InputErrors();
        var webhookId = ApiInput.Id("id", id, errors);
        var max = ApiInput.Limit(limit, errors, 50);
        if (errors.Any)
        {
            return errors.ToError();
        }

        if (await store.GetAsync(webhookId, ct) is null)
        {
            return ApiError.NotFound($"webhook '{webhookId}' does not exist");
        }

        return new DeliveryList(webhookId, await store.ListDeliveriesAsync(webhookId, max, ct));
    }
}
