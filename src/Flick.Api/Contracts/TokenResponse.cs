namespace Flick.Api.Contracts;

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string Role);
