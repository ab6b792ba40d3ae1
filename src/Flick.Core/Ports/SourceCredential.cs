namespace Flick.Core.Ports;

public sealed record SourceCredential(string ClientId, string AccessToken);
