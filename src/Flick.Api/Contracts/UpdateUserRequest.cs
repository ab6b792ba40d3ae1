using System.Text.Json.Serialization;

namespace Flick.Api.Contracts;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record UpdateUserRequest(string? Role = null, string? Password = null);
