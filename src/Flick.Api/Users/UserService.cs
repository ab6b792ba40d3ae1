using System.Security.Cryptography;
using Flick.Api.Auth;
using Flick.Api.Contracts;
using Flick.Api.Http;
using Flick.Api.Input;
using Microsoft.AspNetCore.Identity;

namespace Flick.Api.Users;

/// <summary>Sign-in and the management of users and roles (local mode). There is always at least one admin.</summary>
public sealed class UserService(IUserStore users, LocalTokenIssuer tokens, TimeProvider clock)
{
    public const string BootstrapAdmin = "admin";
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private const int GeneratedPasswordLength = 24;
    private static readonly string DummyHash = new PasswordHasher<ApiUser>().HashPassword(new ApiUser("-", ApiRoles.Viewer, string.Empty, default), "not a password");
    private readonly PasswordHasher<ApiUser> _hasher = new();

    public async Task<Outcome<TokenResponse>> SignInAsync(TokenRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = ApiInput.IsId(request.UserName) ? await users.FindAsync(request.UserName, ct) : null;
        if (user is null)
        {
            // Same work for an unknown name as for a wrong password: the timing tells nothing.
            _hasher.VerifyHashedPassword(new ApiUser("-", ApiRoles.Viewer, DummyHash, default), DummyHash, request.Password);
            return ApiError.Unauthorized("unknown user name or wrong password");
        }

        var check = _hasher.VerifyHashedPassword(user, user.PasswordHash, request.Password);
        if (check == PasswordVerificationResult.Failed)
        {
            return ApiError.Unauthorized("unknown user name or wrong password");
        }

        if (check == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await users.ReplaceAsync(user with { PasswordHash = _hasher.HashPassword(user, request.Password) }, ct);
        }

        var (token, lifetime) = tokens.Issue(user);
        return new TokenResponse(token, "Bearer", (int)lifetime.TotalSeconds, user.Role);
    }

    public async Task<UserList> ListAsync(CancellationToken ct) =>
        new((await users.ListAsync(ct)).Select(u => new UserView(u.UserName, u.Role, u.CreatedAt)).ToList());

    public async Task<Outcome<CreatedUser>> CreateAsync(CreateUserRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new InputErrors();
        ApiInput.Id("userName", request.UserName, errors);
        CheckRole(request.Role, errors);
        CheckPassword(request.Password, errors);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var password = request.Password ?? GeneratePassword();
        var user = new ApiUser(request.UserName, request.Role, string.Empty, clock.GetUtcNow());
        user = user with { PasswordHash = _hasher.HashPassword(user, password) };
        if (!await users.AddAsync(user, ct))
        {
            return ApiError.Conflict($"user '{request.UserName}' exists");
        }

        return new CreatedUser(user.UserName, user.Role, user.CreatedAt, request.Password is null ? password : null);
    }

    public async Task<Outcome<UserView>> UpdateAsync(string? userName, UpdateUserRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new InputErrors();
        var name = ApiInput.Id("userName", userName, errors);
        if (request.Role is not null)
        {
            CheckRole(request.Role, errors);
        }

        CheckPassword(request.Password, errors);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var user = await users.FindAsync(name, ct);
        if (user is null)
        {
            return ApiError.NotFound($"user '{name}' does not exist");
        }

        if (user.Role == ApiRoles.Admin && request.Role is { } role && role != ApiRoles.Admin && await IsLastAdminAsync(ct))
        {
            return ApiError.Conflict("the last admin cannot lose the admin role");
        }

        var changed = user with { Role = request.Role ?? user.Role };
        if (request.Password is not null)
        {
            changed = changed with { PasswordHash = _hasher.HashPassword(changed, request.Password) };
        }

        await users.ReplaceAsync(changed, ct);
        return new UserView(changed.UserName, changed.Role, changed.CreatedAt);
    }

    public async Task<Outcome<bool>> DeleteAsync(string? userName, CancellationToken ct)
    {
        var errors = new InputErrors();
        var name = ApiInput.Id("userName", userName, errors);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var user = await users.FindAsync(name, ct);
        if (user is null)
        {
            return ApiError.NotFound($"user '{name}' does not exist");
        }

        if (user.Role == ApiRoles.Admin && await IsLastAdminAsync(ct))
        {
            return ApiError.Conflict("the last admin cannot be deleted");
        }

        return await users.DeleteAsync(name, ct);
    }

    /// <summary>Creates the first admin when there is no user at all; returns its generated password, or null.</summary>
    public async Task<string?> EnsureAdminAsync(CancellationToken ct)
    {
        if ((await users.ListAsync(ct)).Count > 0)
        {
            return null;
        }

        var created = await CreateAsync(new CreateUserRequest(BootstrapAdmin, ApiRoles.Admin), ct);
        return created.Value?.Password;
    }

    public static string GeneratePassword() => RandomNumberGenerator.GetString(PasswordAlphabet, GeneratedPasswordLength);

    private async Task<bool> IsLastAdminAsync(CancellationToken ct) =>
        (await users.ListAsync(ct)).Count(u => u.Role == ApiRoles.Admin) <= 1;

    private static void CheckRole(string? role, InputErrors errors)
    {
        if (!ApiRoles.IsValid(role))
        {
            errors.Add("role", "role must be one of viewer, operator, admin");
        }
    }

    private static void CheckPassword(string? password, InputErrors errors)
    {
        if (password is not null && (password.Length < InputRules.MinPasswordLength || password.Length > InputRules.MaxPasswordLength))
        {
            errors.Add("password", $"password must be {InputRules.MinPasswordLength} to {InputRules.MaxPasswordLength} characters");
        }
    }
}
