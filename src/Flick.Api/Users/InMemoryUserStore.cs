using System.Collections.Concurrent;

namespace Flick.Api.Users;

public sealed class InMemoryUserStore : IUserStore
{
    private readonly ConcurrentDictionary<string, ApiUser> _users = new(StringComparer.OrdinalIgnoreCase);

    public Task<ApiUser?> FindAsync(string userName, CancellationToken cancellationToken) =>
        Task.FromResult(_users.GetValueOrDefault(userName));

    public Task<IReadOnlyList<ApiUser>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ApiUser>>(_users.Values.OrderBy(u => u.UserName, StringComparer.OrdinalIgnoreCase).ToList());

    public Task<bool> AddAsync(ApiUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(_users.TryAdd(user.UserName, user));
    }

    public Task<bool> ReplaceAsync(ApiUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(_users.TryGetValue(user.UserName, out var old) && _users.TryUpdate(user.UserName, user, old));
    }

    public Task<bool> DeleteAsync(string userName, CancellationToken cancellationToken) =>
        Task.FromResult(_users.TryRemove(userName, out _));
}
