using Flick.Core.Ports;

namespace Flick.Local.Runtime;

/// <summary>
/// Source credentials from configuration or the environment (FLICK_HELIX_CLIENT_ID and
/// FLICK_HELIX_TOKEN). The simulator accepts any non-empty pair, so it gets a fixed local one.
/// </summary>
public sealed class ConfiguredCredentials(IReadOnlyDictionary<string, SourceCredential> bySource) : ISourceCredentials
{
    public Task<SourceCredential?> GetAsync(string source, CancellationToken cancellationToken) =>
        Task.FromResult(bySource.TryGetValue(source, out var credential) ? credential : null);
}
