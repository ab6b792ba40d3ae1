namespace Flick.Aws.JsonProtocol;

/// <summary>Where and how an <see cref="AwsJsonProtocolClient"/> calls its service.</summary>
public sealed record AwsJsonClientOptions
{
    /// <summary>The region the requests are signed for, and whose endpoint is called unless <see cref="ServiceUrl"/> is set.</summary>
    public required string Region { get; init; }

    /// <summary>An endpoint to call instead of the regional one (an emulator, a VPC endpoint); its path is the service root.</summary>
    public Uri? ServiceUrl { get; init; }

    public AwsRetryPolicy Retry { get; init; } = AwsRetryPolicy.Default;

    /// <exception cref="ArgumentException">The region is blank or the service URL is not an absolute http(s) URL.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Region, nameof(Region));
        if (ServiceUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            throw new ArgumentException($"The service URL '{url}' must be an absolute http or https URL.", nameof(ServiceUrl));
        }

        ArgumentNullException.ThrowIfNull(Retry, nameof(Retry));
        Retry.Validate();
    }
}
