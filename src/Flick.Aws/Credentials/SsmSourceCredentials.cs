using System.Collections.Concurrent;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Flick.Core.Ports;

namespace Flick.Aws.Credentials;

/// <summary>
/// A source's credentials from SSM Parameter Store (names in <see cref="SsmSourceCredentialsOptions"/>),
/// decrypted, and kept for <see cref="SsmSourceCredentialsOptions.CacheTtl"/> so that a burst of pulls makes
/// one pair of calls. A source with neither parameter needs no credentials: the answer is null.
/// </summary>
public sealed class SsmSourceCredentials : ISourceCredentials
{
    private readonly IAmazonSimpleSystemsManagement _ssm;
    private readonly SsmSourceCredentialsOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, CachedCredential> _cache = new(StringComparer.Ordinal);

    public SsmSourceCredentials(IAmazonSimpleSystemsManagement ssm, SsmSourceCredentialsOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(ssm);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _ssm = ssm;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <exception cref="IncompleteSourceCredentialsException">Only one of the two parameters exists.</exception>
    public async Task<SourceCredential?> GetAsync(string source, CancellationToken cancellationToken)
    {
        var clientIdName = _options.ClientIdName(source);
        var tokenName = _options.TokenName(source);
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(source, out var cached) && now < cached.ExpiresAt)
        {
            return cached.Credential;
        }

        var clientId = await GetDecryptedAsync(clientIdName, cancellationToken);
        var token = await GetDecryptedAsync(tokenName, cancellationToken);
        var credential = (clientId, token) switch
        {
            (null, null) => null,
            ({ } id, { } secret) => new SourceCredential(id, secret),
            // Half a pair would send unauthenticated requests that fail far from the cause.
            _ => throw new IncompleteSourceCredentialsException(source, $"the parameter '{(clientId is null ? clientIdName : tokenName)}'"),
        };
        _cache[source] = new CachedCredential(credential, now + _options.CacheTtl);
        return credential;
    }

    private async Task<string?> GetDecryptedAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _ssm.GetParameterAsync(new GetParameterRequest { Name = name, WithDecryption = true }, cancellationToken);
            return response.Parameter?.Value;
        }
        catch (ParameterNotFoundException)
        {
            return null;
        }
    }

    private sealed record CachedCredential(SourceCredential? Credential, DateTimeOffset ExpiresAt);
}
