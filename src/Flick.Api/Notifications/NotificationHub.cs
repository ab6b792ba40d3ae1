using System.Text.Json;
using Flick.Api.Caching;
using Flick.Api.Webhooks;
using Flick.Core.Domain;

namespace Flick.Api.Notifications;

/// <summary>
/// The API's end of the pipeline's notifications. The cache is invalidated first, so that a client
/// that reacts to the notification already reads the new answers.
/// </summary>
public sealed partial class NotificationHub(AnswerCache cache, NotificationBroadcaster broadcaster, WebhookDispatcher webhooks, ILogger<NotificationHub> logger)
    : INotificationSink
{
    public async Task<bool> PublishAsync(string envelopeJson, CancellationToken cancellationToken)
    {
        if (Parse(envelopeJson) is not { } notification)
        {
            LogIgnored(logger);
            return false;
        }

        await cache.InvalidateAsync(notification.SeriesId);
        broadcaster.Publish(notification);
        webhooks.Enqueue(notification);
        return true;
    }

    public static SeriesEvent? Parse(string envelopeJson)
    {
        try
        {
            using var document = JsonDocument.Parse(envelopeJson);
            var root = document.RootElement;
            string? Text(JsonElement element, string name) =>
                element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

            var type = Text(root, "detail-type");
            if (Text(root, "source") != SeriesEvent.Source || type is null || !SeriesEvent.Types.Contains(type, StringComparer.Ordinal)
                || !root.TryGetProperty("detail", out var detail) || Text(detail, "seriesId") is not { } series || !SeriesId.IsValid(series))
            {
                return null;
            }

            var compact = JsonSerializer.Serialize(root, JsonElementContext.Default.JsonElement);
            return new SeriesEvent(Text(root, "id") ?? Guid.NewGuid().ToString(), type, series, Text(detail, "runId"), compact);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notification that is not a SeriesReady or SeriesFailed envelope was ignored")]
    private static partial void LogIgnored(ILogger logger);
}
