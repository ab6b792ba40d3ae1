namespace Flick.Core.Ports;

/// <summary>
/// Credentials of an external source (a Helix client id and app token). In AWS they come from SSM
/// Parameter Store (SecureString); on one machine from configuration.
/// </summary>
public interface ISourceCredentials
{
    /// <summary>The credentials of <paramref name="source"/>, exactly as stored, or null when the source needs none.</summary>
    /// <exception cref="IncompleteSourceCredentialsException">Only one of the two is stored.</exception>
    Task<SourceCredential?> GetAsync(string source, CancellationToken cancellationToken);
}
