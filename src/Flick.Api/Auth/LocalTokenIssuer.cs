using System.Security.Claims;
using Flick.Api.Options;
using Flick.Api.Users;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Flick.Api.Auth;

/// <summary>Issues HS256 tokens for local users: subject, role, issuer, audience and a bounded lifetime.</summary>
public sealed class LocalTokenIssuer(SigningKeySource keys, FlickApiOptions options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();

    public (string Token, TimeSpan Lifetime) Issue(ApiUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = LocalTokenSettings.Issuer,
            Audience = LocalTokenSettings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.TokenLifetime,
            Subject = new ClaimsIdentity(
            [
                new Claim(LocalTokenSettings.NameClaim, user.UserName),
                new Claim(LocalTokenSettings.RoleClaim, user.Role),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, options.TokenLifetime);
    }
}
