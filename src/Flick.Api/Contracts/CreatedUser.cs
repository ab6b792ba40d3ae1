namespace Flick.Api.Contracts;

/// <summary>A new user; the password is shown only here when Flick generated it.</summary>
public sealed record CreatedUser(string UserName, string Role, DateTimeOffset CreatedAt, string? Password);
