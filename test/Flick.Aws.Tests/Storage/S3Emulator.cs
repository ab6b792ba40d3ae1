using Amazon.Runtime;
using Amazon.S3;

namespace Flick.Aws.Tests.Storage;

/// <summary>
/// S3 clients for the emulator that scripts/test.sh starts (fauxqs), found through FLICK_TEST_AWS_ENDPOINT.
/// A missing endpoint fails the test with what to do: these tests never skip.
/// </summary>
internal static class S3Emulator
{
    public const string EndpointVariable = "FLICK_TEST_AWS_ENDPOINT";

    public static Uri Endpoint =>
        Environment.GetEnvironmentVariable(EndpointVariable) is { Length: > 0 } value
            ? new Uri(value)
            : throw new InvalidOperationException(
                $"{EndpointVariable} is not set: run the tests through scripts/test.sh, or start the emulators with "
                + "`npm ci && eval \"$(./scripts/emulators.sh start)\"`.");

    /// <summary>A client configured as the deployment would be with <see cref="AwsOptions.ServiceUrl"/> set.</summary>
    public static AmazonS3Client CreateClient() =>
        new(new BasicAWSCredentials("test", "test"), new AmazonS3Config
        {
            ServiceURL = Endpoint.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
        });
}
