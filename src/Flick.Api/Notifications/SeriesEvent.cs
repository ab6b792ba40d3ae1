namespace Flick.Api.Notifications;

/// <summary>A "SeriesReady" or "SeriesFailed" notification: its EventBridge envelope as received, and what the API needs of it.</summary>
public sealed record SeriesEvent(string Id, string DetailType, string SeriesId, string? RunId, string EnvelopeJson)
{
    public const string Source = "flick.pipeline";
    public const string Ready = "SeriesReady";
    public const string Failed = "SeriesFailed";

    public static IReadOnlyList<string> Types { get; } = [Ready, Failed];
}
