namespace Flick.Core.Ports;

/// <summary>
/// Credentials of an external source (a Helix client id and app token). In AWS they come from SSM
/// Parameter Store (SecureString); on one machine from configuration.
/// </summary>
public interface ISourceCredentials
{
    /// <summary>The credentials of <paramref name="source"/>, or null when the source needs none.</summary>
    Task<SourceCredential?> GetAsync(string source, CancellationToken cancellationToken);
}
