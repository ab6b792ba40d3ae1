namespace Flick.Api.Auth;

/// <summary>The fixed claims of the tokens Flick issues on one machine.</summary>
public static class LocalTokenSettings
{
    public const string Issuer = "flick-local";
    public const string Audience = "flick-api";
    public const string RoleClaim = "role";
    public const string NameClaim = "sub";
    public const string SigningKeyFile = "api-signing-key";
}
