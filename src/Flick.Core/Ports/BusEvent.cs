namespace Flick.Core.Ports;

/// <summary>A PutEvents entry. <paramref name="DetailJson"/> is a JSON object.</summary>
public sealed record BusEvent(string Source, string DetailType, string DetailJson, IReadOnlyList<string>? Resources = null, DateTimeOffset? Time = null);
