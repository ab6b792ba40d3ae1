using Flick.Api.Auth;
using Flick.Api.Contracts;
using Flick.Api.Http;
using Flick.Api.Users;
using Microsoft.AspNetCore.Mvc;

namespace Flick.Api.Endpoints;

/// <summary>Sign-in (local tokens) and the management of users and roles.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/auth/me", (HttpContext http) =>
                TypedResults.Ok(new CurrentUser(http.User.Identity?.Name ?? string.Empty,
                    ApiRoles.Highest(ApiRoles.Ordered.Where(http.User.IsInRole)) ?? string.Empty)))
            .WithTags("Users").WithName("GetCurrentUser").WithSummary("Who the token belongs to, and its role")
            .RequireAuthorization(ApiPolicies.Viewer);
        return routes;
    }

    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/auth/token", async ([FromBody] TokenRequest request, UserService users, CancellationToken ct) =>
                (await users.SignInAsync(request, ct)).ToResult(TypedResults.Ok))
            .WithTags("Users").WithName("SignIn").WithSummary("Exchanges a user name and password for a bearer token")
            .Produces<TokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized)
            .AllowAnonymous().RequireRateLimiting(RateLimitingSetup.SignInPolicy);

        var group = routes.MapGroup("/api/users").WithTags("Users").RequireAuthorization(ApiPolicies.Admin);

        group.MapGet("/", async (UserService users, CancellationToken ct) => TypedResults.Ok(await users.ListAsync(ct)))
            .WithName("ListUsers").WithSummary("Every user and its role");

        group.MapPost("/", async ([FromBody] CreateUserRequest request, UserService users, CancellationToken ct) =>
                (await users.CreateAsync(request, ct)).ToResult(u => TypedResults.Created($"/api/users/{u.UserName}", u)))
            .WithName("CreateUser").WithSummary("Adds a user; without a password one is generated and returned once")
            .Produces<CreatedUser>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPatch("/{userName}", async (string userName, [FromBody] UpdateUserRequest request, UserService users, CancellationToken ct) =>
                (await users.UpdateAsync(userName, request, ct)).ToResult(TypedResults.Ok))
            .WithName("UpdateUser").WithSummary("Changes a user's role or password")
            .Produces<UserView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapDelete("/{userName}", async (string userName, UserService users, CancellationToken ct) =>
                (await users.DeleteAsync(userName, ct)).ToResult(_ => TypedResults.NoContent()))
            .WithName("DeleteUser").WithSummary("Removes a user (not the last admin)")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        return group;
    }
}
