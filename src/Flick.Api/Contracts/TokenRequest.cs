using System.Text.Json.Serialization;

namespace Flick.Api.Contracts;

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TokenRequest(string UserName, string Password);
