using Flick.Core.Ports;

namespace Flick.Local.Runtime;

/// <summary>
/// Source credentials from configuration or the environment (FLICK_HELIX_CLIENT_ID and
/// FLICK_HELIX_TOKEN). The simulator accepts any non-empty pair, so it gets a fixed local one. A pair
/// with an empty part was configured by half: asking for it is an <see cref="IncompleteSourceCredentialsException"/>.
/// </summary>
public sealed class ConfiguredCredentials(IReadOnlyDictionary<string, SourceCredential> bySource) : ISourceCredentials
{
    public Task<SourceCredential?> GetAsync(string source, CancellationToken cancellationToken)
    {
        if (!bySource.TryGetValue(source, out var credential))
        {
            return Task.FromResult<SourceCredential?>(null);
        }

        return (string.IsNullOrEmpty(credential.ClientId), string.IsNullOrEmpty(credential.AccessToken)) switch
        {
            (true, _) => Task.FromException<SourceCredential?>(new IncompleteSourceCredentialsException(source, "the client id")),
            (_, true) => Task.FromException<SourceCredential?>(new IncompleteSourceCredentialsException(source, "the access token")),
            _ => Task.FromResult<SourceCredential?>(credential),
        };
    }
}
