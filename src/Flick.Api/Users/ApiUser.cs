namespace Flick.Api.Users;

/// <summary>A user of the API on one machine: a name, a role and a password hash (ASP.NET Core Identity's format).</summary>
public sealed record ApiUser(string UserName, string Role, string PasswordHash, DateTimeOffset CreatedAt);
