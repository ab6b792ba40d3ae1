using System.Security.Claims;
using Flick.Api.Options;
using Flick.Api.Users;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Flick.Api.Auth;

/// <summary>
/// JWT bearer authentication and the role policies. Local tokens must be HS256, signed with the
/// local key, unexpired, of the right issuer and audience, and name a user that still exists — whose
/// current role, not the token's, is the one that counts. Cognito tokens are RS256 from the pool,
/// for the app client, with roles in <c>cognito:groups</c>.
/// </summary>
internal static class AuthenticationSetup
{
    public const string NotificationStreamPath = "/api/notifications/stream";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddFlickAuthentication(this IServiceCollection services, FlickApiOptions options)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<SigningKeySource>((jwt, keys) =>
        {
            jwt.MapInboundClaims = false;
            jwt.Events = new JwtBearerEvents { OnMessageReceived = ReadStreamToken };
            if (options.Auth == ApiAuthMode.Cognito)
            {
                ConfigureCognito(jwt, options.Cognito);
            }
            else
            {
                ConfigureLocal(jwt, keys);
            }
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Viewer, p => p.RequireAuthenticatedUser().RequireRole(ApiRoles.AtLeast(ApiRoles.Viewer)))
            .AddPolicy(ApiPolicies.Operator, p => p.RequireAuthenticatedUser().RequireRole(ApiRoles.AtLeast(ApiRoles.Operator)))
            .AddPolicy(ApiPolicies.Admin, p => p.RequireAuthenticatedUser().RequireRole(ApiRoles.AtLeast(ApiRoles.Admin)));
        return services;
    }

    private static void ConfigureLocal(JwtBearerOptions jwt, SigningKeySource keys)
    {
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = LocalTokenSettings.Issuer,
            ValidAudience = LocalTokenSettings.Audience,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            IssuerSigningKeyResolver = (_, _, _, _) => [keys.Key],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = ClockSkew,
            NameClaimType = LocalTokenSettings.NameClaim,
            RoleClaimType = LocalTokenSettings.RoleClaim,
        };
        jwt.Events.OnTokenValidated = ApplyCurrentRoleAsync;
    }

    private static void ConfigureCognito(JwtBearerOptions jwt, CognitoOptions cognito)
    {
        var audience = cognito.Audience!;
        jwt.Authority = cognito.Authority;
        jwt.RequireHttpsMetadata = cognito.RequireHttpsMetadata;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = cognito.Authority!.TrimEnd('/'),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            // ID tokens carry the app client in aud, access tokens in client_id.
            AudienceValidator = (audiences, token, _) =>
                audiences.Contains(audience, StringComparer.Ordinal)
                || (token is JsonWebToken jwtToken && jwtToken.TryGetPayloadValue<string>("client_id", out var client) && client == audience),
            NameClaimType = "username",
            RoleClaimType = "cognito:groups",
        };
    }

    /// <summary>Browsers cannot set headers on an EventSource, so the stream also takes the token from the query.</summary>
    private static Task ReadStreamToken(MessageReceivedContext context)
    {
        if (context.Request.Path.Equals(NotificationStreamPath, StringComparison.Ordinal)
            && context.Request.Query.TryGetValue("access_token", out var token) && token.Count == 1)
        {
            context.Token = token[0];
        }

        return Task.CompletedTask;
    }

    private static async Task ApplyCurrentRoleAsync(TokenValidatedContext context)
    {
        var name = context.Principal?.FindFirst(LocalTokenSettings.NameClaim)?.Value;
        var users = context.HttpContext.RequestServices.GetRequiredService<IUserStore>();
        var user = name is null ? null : await users.FindAsync(name, context.HttpContext.RequestAborted);
        if (user is null)
        {
            context.Fail("the token's user no longer exists");
            return;
        }

        var claims = context.Principal!.Claims.Where(c => c.Type != LocalTokenSettings.RoleClaim).Append(new Claim(LocalTokenSettings.RoleClaim, user.Role));
        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, JwtBearerDefaults.AuthenticationScheme, LocalTokenSettings.NameClaim, LocalTokenSettings.RoleClaim));
    }
}
