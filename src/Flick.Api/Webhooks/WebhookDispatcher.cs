using System.Globalization;
using System.Net;
using System.Text;
using System.Threading.Channels;
using Flick.Api.Notifications;
using Flick.Api.Options;

namespace Flick.Api.Webhooks;

/// <summary>
/// Delivers notifications to the webhooks that want them: a signed POST of the envelope, retried
/// with exponential backoff on a network error, a timeout, 408, 429 or 5xx, each attempt logged.
/// Deliveries run in the background, so a slow receiver delays nobody else.
/// </summary>
public sealed partial class WebhookDispatcher(
    IWebhookStore store,
    IHttpClientFactory clients,
    FlickApiOptions options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "flick-webhooks";
    private readonly Channel<SeriesEvent> _queue = Channel.CreateBounded<SeriesEvent>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public void Enqueue(SeriesEvent notification) => _queue.Writer.TryWrite(notification);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        try
        {
            await foreach (var notification in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                running.RemoveAll(t => t.IsCompleted);
                try
                {
                    foreach (var webhook in await store.ListAsync(stoppingToken))
                    {
                        if (webhook.Events.Contains(notification.DetailType, StringComparer.Ordinal))
                        {
                            running.Add(DeliverAsync(webhook, notification, stoppingToken));
                        }
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A store that cannot be read loses this notification's deliveries, not the dispatcher (nor the host).
                    LogNotDispatched(logger, notification.Id, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task DeliverAsync(Webhook webhook, SeriesEvent notification, CancellationToken ct)
    {
        var delay = options.Webhooks.BaseDelay;
        for (var attempt = 1; attempt <= options.Webhooks.MaxAttempts && !ct.IsCancellationRequested; attempt++)
        {
            var (status, error) = await PostAsync(webhook, notification, attempt, ct);
            var succeeded = status is >= 200 and < 300;
            try
            {
                await store.AppendDeliveryAsync(new WebhookDelivery(webhook.Id, notification.Id, notification.DetailType, attempt, succeeded,
                    status, error, clock.GetUtcNow()), options.Webhooks.LogSize, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogNotLogged(logger, webhook.Id, e.Message);
            }

            if (succeeded || !IsWorthRetrying(status))
            {
                return;
            }

            if (attempt < options.Webhooks.MaxAttempts)
            {
                try
                {
                    await Task.Delay(delay, clock, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay *= 2;
            }
        }
    }

    private async Task<(int? Status, string? Error)> PostAsync(Webhook webhook, SeriesEvent notification, int attempt, CancellationToken ct)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new StringContent(notification.EnvelopeJson, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSigner.SignatureHeader, WebhookSigner.Header(webhook.Secret, timestamp, notification.EnvelopeJson));
        request.Headers.Add(WebhookSigner.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSigner.EventHeader, notification.DetailType);
        request.Headers.Add(WebhookSigner.EventIdHeader, notification.Id);
        request.Headers.Add(WebhookSigner.AttemptHeader, attempt.ToString(CultureInfo.InvariantCulture));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Webhooks.Timeout);
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return ((int)response.StatusCode, response.IsSuccessStatusCode ? null : response.ReasonPhrase);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"no answer within {options.Webhooks.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return (null, e.Message);
        }
    }

    private static bool IsWorthRetrying(int? status) =>
        status is null or (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or >= 500;

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification {EventId} was not sent to the webhooks: {Reason}")]
    private static partial void LogNotDispatched(ILogger logger, string eventId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A delivery to webhook {WebhookId} could not be logged: {Reason}")]
    private static partial void LogNotLogged(ILogger logger, string webhookId, string reason);
}
