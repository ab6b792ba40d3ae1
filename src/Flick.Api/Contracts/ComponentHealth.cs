namespace Flick.Api.Contracts;

public sealed record ComponentHealth(string Status, string? Detail);
