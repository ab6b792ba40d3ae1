using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Flick.Api.Options;
using Flick.Api.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Flick.Api.Tests;

/// <summary>
/// The API in Cognito mode (AWS): tokens of a user pool, found through the pool's OpenID discovery
/// document and key set, which a loopback issuer serves here as Cognito does
/// (<c>{issuer}/.well-known/openid-configuration</c> and its <c>jwks_uri</c>). Roles come from the
/// <c>cognito:groups</c> claim; the most allowed group counts.
/// </summary>
public sealed class CognitoTokensTests : IAsyncLifetime, IDisposable
{
    private const string AppClient = "3n4b5urk1ft4fl3mg5e62d9ado";
    private readonly RSA _poolKey = RSA.Create(2048);
    private readonly RSA _otherKey = RSA.Create(2048);
    private WebApplication? _issuer;
    private ApiFactory? _api;

    private string Authority => _issuer!.Urls.First().TrimEnd('/');

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _issuer = builder.Build();
        _issuer.MapGet("/.well-known/openid-configuration", (HttpContext http) =>
        {
            var self = $"{http.Request.Scheme}://{http.Request.Host}";
            return Results.Text(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["issuer"] = self,
                ["jwks_uri"] = self + "/.well-known/jwks.json",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            }), "application/json");
        });
        _issuer.MapGet("/.well-known/jwks.json", () =>
        {
            var p = _poolKey.ExportParameters(includePrivateParameters: false);
            var key = new Dictionary<string, string>
            {
                ["kty"] = "RSA", ["alg"] = "RS256", ["use"] = "sig", ["kid"] = "pool-key-1",
                ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            };
            return Results.Text(JsonSerializer.Serialize(new { keys = new[] { key } }), "application/json");
        });
        await _issuer.StartAsync();

        _api = new ApiFactory(
            null,
            o =>
            {
                o.Auth = ApiAuthMode.Cognito;
                o.Cognito.Authority = Authority;
                o.Cognito.Audience = AppClient;

                // The loopback issuer speaks plain HTTP; Cognito's is HTTPS, which the API requires by default.
                o.Cognito.RequireHttpsMetadata = false;
            });
    }

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_issuer is not null)
        {
            await _issuer.DisposeAsync();
        }

        _poolKey.Dispose();
        _otherKey.Dispose();
    }

    public void Dispose() => _api?.Dispose();

    [Theory]
    [InlineData(new[] { "viewer" }, "viewer", HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(new[] { "viewer", "operator" }, "operator", HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData(new[] { "admin" }, "admin", HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK)]
    public async Task AccessToken_OfAPoolUser_ShouldGiveTheMostAllowedOfItsGroups(
        string[] groups, string role, HttpStatusCode viewerEndpoint, HttpStatusCode operatorEndpoint, HttpStatusCode adminEndpoint)
    {
        using var http = Client(Token(groups));
        var me = await http.GetAsync("/api/auth/me");
        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var body = JsonDocument.Parse(await me.Content.ReadAsStringAsync()))
        {
            body.RootElement.GetProperty("role").GetString().ShouldBe(role);
            body.RootElement.GetProperty("userName").GetString().ShouldBe("ana");
        }

        (await http.GetAsync("/api/series")).StatusCode.ShouldBe(viewerEndpoint);
        (await http.GetAsync($"/api/series/{World.Series}/runs")).StatusCode.ShouldBe(operatorEndpoint);
        (await http.GetAsync("/api/webhooks")).StatusCode.ShouldBe(adminEndpoint);
    }

    [Fact]
    public async Task IdToken_ForTheAppClient_ShouldBeAccepted()
    {
        using var http = Client(Token(["viewer"], idToken: true));
        (await http.GetAsync("/api/series")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_InNoRoleGroup_ShouldBeForbidden()
    {
        using var http = Client(Token(["marketing"]));
        (await http.GetAsync("/api/series")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    public static TheoryData<string> Rejected => ["another-key", "another-issuer", "another-client", "expired", "hs256", "alg-none"];

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task Token_ThatThePoolDidNotIssueForThisClient_ShouldBeUnauthorized(string flaw)
    {
        var token = flaw switch
        {
            "another-key" => Token(["admin"], key: _otherKey),
            "another-issuer" => Token(["admin"], issuer: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_other"),
            "another-client" => Token(["admin"], client: "someoneelsesclient"),
            "expired" => Token(["admin"], expires: DateTime.UtcNow.AddMinutes(-5)),
            "hs256" => Symmetric(),
            _ => Unsigned(),
        };
        using var http = Client(token);
        (await http.GetAsync("/api/series")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private HttpClient Client(string token)
    {
        var http = _api!.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private string Token(string[] groups, bool idToken = false, RSA? key = null, string? issuer = null, string? client = null, DateTime? expires = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = "0b6a2c6e-1f4e-4c1d-9a51-8f1d2e3c4b5a",
            ["cognito:groups"] = groups,
            ["token_use"] = idToken ? "id" : "access",
        };
        if (idToken)
        {
            claims["aud"] = client ?? AppClient;
            claims["cognito:username"] = "ana";
            claims["username"] = "ana";
        }
        else
        {
            claims["client_id"] = client ?? AppClient;
            claims["username"] = "ana";
        }

        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Authority,
            Claims = claims,
            IssuedAt = expiry.AddHours(-1),
            NotBefore = expiry.AddHours(-1),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? _poolKey) { KeyId = "pool-key-1" }, SecurityAlgorithms.RsaSha256),
        });
    }

    private string Symmetric() => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Authority,
        Claims = new Dictionary<string, object> { ["client_id"] = AppClient, ["username"] = "ana", ["cognito:groups"] = new[] { "admin" } },
        Expires = DateTime.UtcNow.AddMinutes(30),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "pool-key-1" }, SecurityAlgorithms.HmacSha256),
    });

    private string Unsigned()
    {
        static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds();
        return Part("""{"alg":"none","typ":"JWT","kid":"pool-key-1"}""") + "."
            + Part($$"""{"iss":"{{Authority}}","client_id":"{{AppClient}}","username":"ana","cognito:groups":["admin"],"exp":{{exp}}}""") + ".";
    }
}
