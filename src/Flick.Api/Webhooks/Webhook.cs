namespace Flick.Api.Webhooks;

/// <summary>A registered webhook: where to POST, which notifications, and the secret that signs them.</summary>
public sealed record Webhook(string Id, string Url, IReadOnlyList<string> Events, string Secret, DateTimeOffset CreatedAt);
