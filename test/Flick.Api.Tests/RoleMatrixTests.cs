using System.Net;
using System.Net.Http.Headers;
using Flick.Api.Auth;
using Flick.Api.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Flick.Api.Tests;

/// <summary>Every endpoint × anonymous, viewer, operator, admin and tampered tokens: 401 and 403 exactly where they belong.</summary>
public sealed class RoleMatrixTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string?[] Callers = [null, ApiRoles.Viewer, ApiRoles.Operator, ApiRoles.Admin];

    [Fact]
    public async Task EveryEndpoint_ForEveryRole_ShouldAllowExactlyTheRolesAtOrAboveItsOwn()
    {
        var failures = new List<string>();
        foreach (var caller in Callers)
        {
            using var client = await api.ClientAsync(caller);
            foreach (var endpoint in EndpointCase.All)
            {
                var status = await StatusAsync(client, endpoint);
                var expected = Expected(endpoint.Role, caller);
                if (expected is { } code ? status != code : status is 401 or 403 || status >= 500)
                {
                    failures.Add($"{caller ?? "anonymous"} {endpoint}: {status}, expected {(expected?.ToString() ?? "allowed")}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task EveryProtectedEndpoint_WithATamperedToken_ShouldBeUnauthorized()
    {
        var realKey = api.Services.GetRequiredService<SigningKeySource>().Key;
        var future = DateTime.UtcNow.AddHours(1);
        var tampered = new Dictionary<string, string>
        {
            ["alg none"] = Tokens.AlgNone(),
            ["expired"] = Tokens.SignedWith(realKey, "admin1", "admin", DateTime.UtcNow.AddHours(-1)),
            ["wrong key"] = Tokens.SignedWith(Tokens.RandomKey(), "admin1", "admin", future),
            ["wrong issuer"] = Tokens.SignedWith(realKey, "admin1", "admin", future, issuer: "someone-else"),
            ["deleted user"] = Tokens.SignedWith(realKey, "ghost", "admin", future),
            ["garbage"] = "not.a.token",
            ["signature cut"] = string.Join('.', (await api.TokenAsync("admin")).Split('.')[..2]) + ".",
        };

        var failures = new List<string>();
        foreach (var (name, token) in tampered)
        {
            using var client = api.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            foreach (var endpoint in EndpointCase.All)
            {
                var status = await StatusAsync(client, endpoint);
                if (endpoint.Role is null ? status is 401 or 403 : status != 401)
                {
                    failures.Add($"{name} {endpoint}: {status}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task AValidTokenSignedWithTheRealKey_ShouldBeAccepted()
    {
        var key = api.Services.GetRequiredService<SigningKeySource>().Key;
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.SignedWith(key, "operator1", "operator", DateTime.UtcNow.AddMinutes(5)));
        (await client.GetAsync("/api/dead-letters/runs")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ARoleInTheToken_ShouldNotOutrankTheUsersCurrentRole()
    {
        var key = api.Services.GetRequiredService<SigningKeySource>().Key;
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.SignedWith(key, "viewer1", "admin", DateTime.UtcNow.AddMinutes(5)));
        (await client.GetAsync("/api/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public void EveryMappedEndpoint_ShouldHaveAnAuthorizationDecision_AndEveryApiEndpointShouldBeInTheMatrix()
    {
        using var client = api.CreateClient();
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        endpoints.ShouldNotBeEmpty();
        foreach (var endpoint in endpoints)
        {
            (endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
                .ShouldBeTrue($"{endpoint.RoutePattern.RawText} has no authorization decision");
            var pattern = endpoint.RoutePattern.RawText!;
            if (pattern.StartsWith("/api", StringComparison.Ordinal))
            {
                var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods;
                EndpointCase.All.Any(c => c.Pattern == pattern && methods.Contains(c.Method)).ShouldBeTrue($"{string.Join(',', methods)} {pattern} is not in the matrix");
            }
        }
    }

    private static int? Expected(string? required, string? caller)
    {
        if (required is null)
        {
            return null;
        }

        if (caller is null)
        {
            return 401;
        }

        return ApiRoles.AtLeast(required).Contains(caller) ? null : 403;
    }

    private static async Task<int> StatusAsync(HttpClient client, EndpointCase endpoint)
    {
        using var request = endpoint.Request();
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return (int)response.StatusCode;
    }
}
