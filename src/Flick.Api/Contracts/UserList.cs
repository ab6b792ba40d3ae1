namespace Flick.Api.Contracts;

public sealed record UserList(IReadOnlyList<UserView> Users);
