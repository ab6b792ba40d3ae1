using Flick.Api.Storage;

namespace Flick.Api.Users;

/// <summary>Users in one JSON file (owner-only), loaded at first use and rewritten on every change.</summary>
public sealed class JsonFileUserStore(string path) : IUserStore, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<string, ApiUser>? _users;

    /// <remarks>Every authenticated request asks: once the file is loaded, the answer comes without an asynchronous step.</remarks>
    public Task<ApiUser?> FindAsync(string userName, CancellationToken cancellationToken) =>
        Volatile.Read(ref _users) is { } loaded
            ? Task.FromResult(loaded.GetValueOrDefault(userName))
            : FindLoadingAsync(userName, cancellationToken);

    public async Task<IReadOnlyList<ApiUser>> ListAsync(CancellationToken cancellationToken) =>
        (await LoadAsync(cancellationToken)).Values.OrderBy(u => u.UserName, StringComparer.OrdinalIgnoreCase).ToList();

    public Task<bool> AddAsync(ApiUser user, CancellationToken cancellationToken) =>
        ChangeAsync(users => users.TryAdd(user.UserName, user), cancellationToken);

    public Task<bool> ReplaceAsync(ApiUser user, CancellationToken cancellationToken) =>
        ChangeAsync(users =>
        {
            if (!users.ContainsKey(user.UserName))
            {
                return false;
            }

            users[user.UserName] = user;
            return true;
        }, cancellationToken);

    public Task<bool> DeleteAsync(string userName, CancellationToken cancellationToken) =>
        ChangeAsync(users => users.Remove(userName), cancellationToken);

    public void Dispose() => _gate.Dispose();

    private async Task<ApiUser?> FindLoadingAsync(string userName, CancellationToken cancellationToken) =>
        (await LoadAsync(cancellationToken)).GetValueOrDefault(userName);

    private async Task<bool> ChangeAsync(Func<Dictionary<string, ApiUser>, bool> change, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var users = await LoadLockedAsync(ct);
            var copy = new Dictionary<string, ApiUser>(users, StringComparer.OrdinalIgnoreCase);
            if (!change(copy))
            {
                return false;
            }

            await JsonFile.WriteAsync(path, new UsersFile(copy.Values.ToList()), ApiJson.Default.UsersFile, ct);
            _users = copy;
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Dictionary<string, ApiUser>> LoadAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _users) is { } loaded)
        {
            return loaded;
        }

        await _gate.WaitAsync(ct);
        try
        {
            return await LoadLockedAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Dictionary<string, ApiUser>> LoadLockedAsync(CancellationToken ct)
    {
        if (_users is null)
        {
            var file = await JsonFile.ReadAsync(path, ApiJson.Default.UsersFile, ct);
            _users = (file?.Users ?? []).ToDictionary(u => u.UserName, StringComparer.OrdinalIgnoreCase);
        }

        return _users;
    }
}
