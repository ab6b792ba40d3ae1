namespace Flick.Aws.Events;

/// <summary>An entry EventBridge did not accept: its position in the published list, and EventBridge's reason.</summary>
public sealed record FailedBusEvent(int Index, string Source, string DetailType, string ErrorCode, string? ErrorMessage);
