namespace Flick.Api.Contracts;

public sealed record CurrentUser(string UserName, string Role);
