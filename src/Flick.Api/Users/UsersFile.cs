namespace Flick.Api.Users;

/// <summary>The content of <c>users.json</c>.</summary>
public sealed record UsersFile(IReadOnlyList<ApiUser> Users);
