using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Flick.Api.Tests.Support;

namespace Flick.Api.Tests;

/// <summary>Sign-in, users and roles, and the rate limits.</summary>
public sealed class UsersApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task CreatedUser_ShouldSignInWithTheGeneratedPassword_AndRoleChangesShouldApplyToLiveTokens()
    {
        using var admin = await api.ClientAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/users", new { userName = "newop", role = "operator" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var password = (await Json.ReadAsync(created)).GetProperty("password").GetString()!;

        using var anonymous = api.CreateClient();
        var signIn = await Json.ReadAsync(await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "newop", password }));
        signIn.GetProperty("role").GetString().ShouldBe("operator");
        using var user = api.CreateClient();
        user.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", signIn.GetProperty("accessToken").GetString());
        (await user.GetAsync("/api/dead-letters/ingest")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.PatchAsJsonAsync("/api/users/newop", new { role = "viewer" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await user.GetAsync("/api/dead-letters/ingest")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Json.ReadAsync(await user.GetAsync("/api/auth/me"))).GetProperty("role").GetString().ShouldBe("viewer");

        (await admin.DeleteAsync("/api/users/newop")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await user.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task WrongPassword_ShouldBeAnUnauthorizedProblem()
    {
        using var anonymous = api.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "viewer1", password = "not the password" });
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task TheLastAdmin_ShouldNeitherLoseTheRoleNorBeDeleted()
    {
        using var admin = await api.ClientAsync("admin");
        (await admin.PatchAsJsonAsync("/api/users/admin1", new { role = "operator" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.DeleteAsync("/api/users/admin1")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}
