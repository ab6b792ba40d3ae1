namespace Flick.Api.Options;

/// <summary>Delivery of notifications to registered webhooks.</summary>
public sealed class WebhookOptions
{
    /// <summary>Attempts per delivery, the first included.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the second attempt; it doubles after each failure.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries kept in each webhook's log, newest first.</summary>
    public int LogSize { get; set; } = 100;
}
