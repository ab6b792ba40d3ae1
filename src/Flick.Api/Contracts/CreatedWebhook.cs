namespace Flick.Api.Contracts;

/// <summary>A new webhook; its signing secret is shown only here.</summary>
public sealed record CreatedWebhook(string Id, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt, string Secret);
