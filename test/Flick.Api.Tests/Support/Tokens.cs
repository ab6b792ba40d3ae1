using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Flick.Api.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Flick.Api.Tests.Support;

/// <summary>Tokens a client should never get through with.</summary>
public static class Tokens
{
    public static string SignedWith(SecurityKey key, string user, string role, DateTime expires, string issuer = LocalTokenSettings.Issuer, string algorithm = SecurityAlgorithms.HmacSha256) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = LocalTokenSettings.Audience,
            IssuedAt = expires.AddHours(-2),
            NotBefore = expires.AddHours(-2),
            Expires = expires,
            Subject = new ClaimsIdentity([new Claim("sub", user), new Claim("role", role)]),
            SigningCredentials = new SigningCredentials(key, algorithm),
        });

    /// <summary>An unsigned token (<c>alg: none</c>) that claims to be the admin.</summary>
    public static string AlgNone()
    {
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return $"{B64("""{"alg":"none","typ":"JWT"}""")}.{B64($$"""{"sub":"admin1","role":"admin","iss":"{{LocalTokenSettings.Issuer}}","aud":"{{LocalTokenSettings.Audience}}","exp":{{exp}}}""")}.";
    }

    public static SymmetricSecurityKey RandomKey() => new(RandomNumberGenerator.GetBytes(64));

    private static string B64(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
}
