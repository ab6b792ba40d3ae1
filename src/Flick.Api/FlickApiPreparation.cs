using Flick.Api.Auth;
using Flick.Api.Options;
using Flick.Api.Users;

namespace Flick.Api;

public static class FlickApiPreparation
{
    /// <summary>
    /// The API's first-start work, kept out of registration: in local mode, loads (or creates) the
    /// signing key and creates the first admin when there is no user. Returns that admin's generated
    /// password, which the host prints once; null when users existed already or in Cognito mode.
    /// </summary>
    public static async Task<string?> PrepareFlickApiAsync(this IServiceProvider services, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetRequiredService<FlickApiOptions>().Auth != ApiAuthMode.Local)
        {
            return null;
        }

        _ = services.GetRequiredService<SigningKeySource>().Key;
        return await services.GetRequiredService<UserService>().EnsureAdminAsync(ct);
    }
}
