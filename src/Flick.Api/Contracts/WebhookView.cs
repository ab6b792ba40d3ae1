namespace Flick.Api.Contracts;

public sealed record WebhookView(string Id, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt);
