namespace Flick.Api.Notifications;

/// <summary>
/// Where the host feeds the pipeline's notifications (an event-bus rule on one machine; a queue fed
/// by EventBridge in AWS): each retires the series' cached answers, and goes to the notification
/// stream and to the webhooks.
/// </summary>
public interface INotificationSink
{
    /// <summary>
    /// Takes one EventBridge envelope (<c>source</c> flick.pipeline, <c>detail-type</c> SeriesReady or
    /// SeriesFailed); returns false for an envelope that is not one of them.
    /// </summary>
    Task<bool> PublishAsync(string envelopeJson, CancellationToken cancellationToken);
}
