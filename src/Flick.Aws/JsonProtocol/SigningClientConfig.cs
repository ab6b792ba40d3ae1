using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace Flick.Aws.JsonProtocol;

/// <summary>
/// The client configuration <see cref="Amazon.Runtime.Internal.Auth.AWS4Signer"/> asks for. The signer reads
/// only the service and region from it, and both are also set on each request, so endpoint resolution is
/// never reached.
/// </summary>
internal sealed class SigningClientConfig : ClientConfig
{
    public SigningClientConfig(AwsJsonService service, string region)
        : base(new DefaultConfigurationProvider([new DefaultConfiguration { Name = DefaultConfigurationMode.Standard }]))
    {
        RegionEndpointServiceName = service.SigningName;
        AuthenticationServiceName = service.SigningName;
        AuthenticationRegion = region;
    }

    public override string RegionEndpointServiceName { get; }

    public override string ServiceVersion => "flick";

    public override string UserAgent => "flick";

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) =>
        throw new NotSupportedException("Endpoints are chosen by AwsJsonProtocolClient, not resolved by the SDK.");
}
