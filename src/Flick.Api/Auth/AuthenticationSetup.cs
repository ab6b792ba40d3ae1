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
        services.AddSingleton(sp => new ValidatedTokenCache(sp.GetRequiredService<TimeProvider>()));
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<SigningKeySource, ValidatedTokenCache>((jwt, keys, validated) =>
        {
            var local = options.Auth == ApiAuthMode.Local;
            jwt.MapInboundClaims = false;
            jwt.Events = new JwtBearerEvents
            {
                OnMessageReceived = context => ReuseValidatedAsync(context, validated, local),
                OnTokenValidated = context => RememberValidatedAsync(context, validated, local),
            };
            if (local)
            {
                ConfigureLocal(jwt, keys);
            }
            else
            {
                ConfigureCognito(jwt, options.Cognito);
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

    /// <summary>
    /// Finds the token (browsers cannot set headers on an EventSource, so the stream also takes it
    /// from the query) and, when it was validated before and has not expired, authenticates with
    /// the principal it validated to, without checking it again. Locally, the user's current role
    /// still decides at every request, and a deleted user's token stops working at once. This runs
    /// before every authenticated request: when the user is at hand (the user store answers at
    /// once), it completes without an asynchronous step.
    /// </summary>
    private static Task ReuseValidatedAsync(MessageReceivedContext context, ValidatedTokenCache validated, bool local)
    {
        var request = context.Request;
        if (request.Path.Equals(NotificationStreamPath, StringComparison.Ordinal)
            && request.Query.TryGetValue("access_token", out var query) && query.Count == 1)
        {
            context.Token = query[0];
        }

        var found = context.Token is { } token ? validated.TryGet(token, out var entry) : validated.TryGet(BearerToken(request.Headers.Authorization), out entry);
        if (!found)
        {
            return Task.CompletedTask;
        }

        if (!local)
        {
            Authenticate(context, entry.Principal);
            return Task.CompletedTask;
        }

        var user = FindUserAsync(context.HttpContext, entry.Principal);
        if (!user.IsCompletedSuccessfully)
        {
            return WithUserAsync(context, entry, user);
        }

        WithUser(context, entry, user.Result);
        return Task.CompletedTask;

        static async Task WithUserAsync(MessageReceivedContext context, ValidatedTokenCache.Entry entry, Task<ApiUser?> user) =>
            WithUser(context, entry, await user);
    }

    /// <summary>Authenticates with the token's principal given the user's current role, or fails when the user is gone.</summary>
    private static void WithUser(MessageReceivedContext context, ValidatedTokenCache.Entry entry, ApiUser? user)
    {
        if (user is null)
        {
            context.Fail("the token's user no longer exists");
            return;
        }

        if (entry.WithRole is not { } current || current.Role != user.Role)
        {
            current = (user.Role, WithRole(entry.Principal, user.Role));
            entry.WithRole = current;
        }

        Authenticate(context, current.Principal);
    }

    private static void Authenticate(MessageReceivedContext context, ClaimsPrincipal principal)
    {
        context.Principal = principal;
        context.Success();
    }

    /// <summary>After full validation: applies the user's current role (local) and remembers the token until it expires.</summary>
    private static async Task RememberValidatedAsync(TokenValidatedContext context, ValidatedTokenCache validated, bool local)
    {
        var principal = context.Principal!;
        if (local)
        {
            var user = await FindUserAsync(context.HttpContext, principal);
            if (user is null)
            {
                context.Fail("the token's user no longer exists");
                return;
            }

            context.Principal = WithRole(principal, user.Role);
        }

        if (context.SecurityToken is JsonWebToken token)
        {
            validated.Add(token.EncodedToken, context.Principal!, new DateTimeOffset(DateTime.SpecifyKind(token.ValidTo, DateTimeKind.Utc)));
        }
    }

    /// <summary>The token of an <c>Authorization: Bearer</c> header, where it is in the header's text; empty when there is none.</summary>
    private static ReadOnlySpan<char> BearerToken(Microsoft.Extensions.Primitives.StringValues authorization)
    {
        if (authorization.Count != 1 || authorization[0] is not { } value || !value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        return value.AsSpan(7).Trim();
    }

    private static Task<ApiUser?> FindUserAsync(HttpContext http, ClaimsPrincipal principal)
    {
        var name = principal.FindFirst(LocalTokenSettings.NameClaim)?.Value;
        return name is null
            ? Task.FromResult<ApiUser?>(null)
            : http.RequestServices.GetRequiredService<IUserStore>().FindAsync(name, http.RequestAborted);
    }

    private static ClaimsPrincipal WithRole(ClaimsPrincipal principal, string role)
    {
        var claims = principal.Claims.Where(c => c.Type != LocalTokenSettings.RoleClaim).Append(new Claim(LocalTokenSettings.RoleClaim, role));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, JwtBearerDefaults.AuthenticationScheme, LocalTokenSettings.NameClaim, LocalTokenSettings.RoleClaim));
    }
}
