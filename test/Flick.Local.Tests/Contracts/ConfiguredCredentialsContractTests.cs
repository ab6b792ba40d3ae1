using Flick.Core.Ports;
using Flick.Local.Runtime;
using Flick.Testing.Contracts;

namespace Flick.Local.Tests.Contracts;

/// <summary>The source credentials contract on configured credentials; a part not configured is an empty setting.</summary>
public sealed class ConfiguredCredentialsContractTests : SourceCredentialsContract
{
    protected override Task<ISourceCredentials> CreateAsync(IReadOnlyList<StoredCredential> stored) =>
        Task.FromResult<ISourceCredentials>(new ConfiguredCredentials(
            stored.ToDictionary(c => c.Source, c => new SourceCredential(c.ClientId ?? "", c.Token ?? ""), StringComparer.Ordinal)));
}
