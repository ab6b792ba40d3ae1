using System.Text.Json.Serialization;

namespace Flick.Api.Contracts;

/// <summary>A new user; without a password Flick generates one and returns it once.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateUserRequest(string UserName, string Role, string? Password = null);
