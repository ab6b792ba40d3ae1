namespace Flick.Api.Users;

/// <summary>Users and their roles. User names compare without regard to case.</summary>
public interface IUserStore
{
    Task<ApiUser?> FindAsync(string userName, CancellationToken cancellationToken);

    /// <summary>Every user, by name.</summary>
    Task<IReadOnlyList<ApiUser>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds the user; false when the name is taken.</summary>
    Task<bool> AddAsync(ApiUser user, CancellationToken cancellationToken);

    /// <summary>Replaces the user of the same name; false when there is none.</summary>
    Task<bool> ReplaceAsync(ApiUser user, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string userName, CancellationToken cancellationToken);
}
