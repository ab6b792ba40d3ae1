namespace Flick.Api.Contracts;

public sealed record UserView(string UserName, string Role, DateTimeOffset CreatedAt);
