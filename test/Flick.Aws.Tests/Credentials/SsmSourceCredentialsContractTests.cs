using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Flick.Aws.Credentials;
using Flick.Aws.Tests.JsonProtocol;
using Flick.Aws.Tests.Loopback;
using Flick.Core.Ports;
using Flick.Testing.Contracts;

namespace Flick.Aws.Tests.Credentials;

/// <summary>The source credentials contract on SSM Parameter Store: the SDK's client against <see cref="LoopbackSsm"/>.</summary>
public sealed class SsmSourceCredentialsContractTests : SourceCredentialsContract, IAsyncLifetime, IAsyncDisposable
{
    private readonly LoopbackSsm _server = new(TestClients.Region);
    private readonly AmazonSimpleSystemsManagementClient _ssm;

    public SsmSourceCredentialsContractTests() =>
        _ssm = new AmazonSimpleSystemsManagementClient(
            new BasicAWSCredentials(TestClients.AccessKey, TestClients.SecretKey),
            new AmazonSimpleSystemsManagementConfig { ServiceURL = _server.Endpoint.ToString(), AuthenticationRegion = TestClients.Region, MaxErrorRetry = 0 });

    public Task InitializeAsync() => Task.CompletedTask;

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    /// <summary>xunit calls this after each test (it does not call <see cref="IAsyncDisposable"/> on a test class).</summary>
    public async Task DisposeAsync()
    {
        _ssm.Dispose();
        await _server.DisposeAsync();
        _server.UnsignedRequests.ShouldBe(0);
    }

    protected override Task<ISourceCredentials> CreateAsync(IReadOnlyList<StoredCredential> stored)
    {
        var options = new SsmSourceCredentialsOptions { Stage = "prod" };
        foreach (var credential in stored)
        {
            if (credential.ClientId is { } id)
            {
                _server.PutSecureString(options.ClientIdName(credential.Source), id);
            }

            if (credential.Token is { } token)
            {
                _server.PutSecureString(options.TokenName(credential.Source), token);
            }
        }

        return Task.FromResult<ISourceCredentials>(new SsmSourceCredentials(_ssm, options));
    }
}
