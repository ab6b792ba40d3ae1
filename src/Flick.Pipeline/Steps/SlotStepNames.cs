namespace Flick.Pipeline.Steps;

/// <summary>The per-slot steps whose completion makes a slot done.</summary>
public static class SlotStepNames
{
    public const string Viewers = "viewers";
    public const string Channel = "channel";
    public const string Rankings = "rankings";

    public static IReadOnlyCollection<string> All { get; } = [Viewers, Channel, Rankings];
}
