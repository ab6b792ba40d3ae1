using Amazon.Runtime;
using Amazon.SQS;

namespace Flick.Aws.Tests.Queues;

/// <summary>
/// SQS clients for the emulator that scripts/test.sh starts (fauxqs), found through FLICK_TEST_AWS_ENDPOINT.
/// A missing endpoint fails the test with what to do: these tests never skip.
/// </summary>
internal static class SqsEmulator
{
    public const string EndpointVariable = "FLICK_TEST_AWS_ENDPOINT";

    public static Uri Endpoint =>
        Environment.GetEnvironmentVariable(EndpointVariable) is { Length: > 0 } value
            ? new Uri(value)
            : throw new InvalidOperationException(
                $"{EndpointVariable} is not set: run the tests through scripts/test.sh, or start the emulators with "
                + "`npm ci && eval \"$(./scripts/emulators.sh start)\"`.");

    public static AmazonSQSClient CreateClient() =>
        new(new BasicAWSCredentials("test", "test"), new AmazonSQSConfig
        {
            ServiceURL = Endpoint.ToString(),
            AuthenticationRegion = "us-east-1",
        });
}
