using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace Flick.Aws.JsonProtocol;

/// <summary>
/// Signs a request with AWSSDK.Core's own SigV4 implementation, <see cref="AWS4Signer.SignRequest(IRequest, IClientConfig, Amazon.Runtime.Internal.Util.RequestMetrics, string, string, DateTime)"/>:
/// the SDK builds the canonical request (headers, payload hash in <c>X-Amz-Content-SHA256</c>), the string to
/// sign and the signature, exactly as it does for its generated clients. The overload that takes the signing
/// time is used so the time comes from the caller's <see cref="TimeProvider"/> (the SDK's clock-skew correction
/// is then not applied; Lambda's clock is NTP-synchronised).
/// </summary>
internal sealed class SdkSigV4Signer(AwsJsonService service, string region)
{
    internal const string SecurityTokenHeader = "X-Amz-Security-Token";
    internal const string AuthorizationHeader = "Authorization";

    // Stateless once constructed; the SDK shares one signer across a client's concurrent requests too.
    private static readonly AWS4Signer Signer = new(signPayload: true);

    private readonly SigningClientConfig _config = new(service, region);

    /// <summary>
    /// The headers to send: <paramref name="headers"/>, plus <c>host</c>, <c>X-Amz-Date</c>,
    /// <c>X-Amz-Content-SHA256</c>, the session token when there is one, and <c>Authorization</c>.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Sign(
        Uri url,
        IEnumerable<KeyValuePair<string, string>> headers,
        byte[] body,
        ImmutableCredentials credentials,
        DateTime signedAtUtc)
    {
        using var request = new DefaultRequest(new JsonProtocolServiceRequest(), service.SigningName)
        {
            HttpMethod = "POST",
            Endpoint = new Uri(url.GetLeftPart(UriPartial.Authority)),
            ResourcePath = url.AbsolutePath,
            Content = body,
            AuthenticationRegion = region,
            OverrideSigningServiceName = service.SigningName,
        };
        foreach (var (name, value) in headers)
        {
            request.Headers[name] = value;
        }

        // The token is a signed header (the SDK's pipeline adds it before signing, too).
        if (credentials.UseToken)
        {
            request.Headers[SecurityTokenHeader] = credentials.Token;
        }

        var result = Signer.SignRequest(request, _config, metrics: null, credentials.AccessKey, credentials.SecretKey, signedAtUtc);
        request.Headers[AuthorizationHeader] = result.ForAuthorizationHeader;
        return [.. request.Headers];
    }
}
