using Amazon.Runtime;
using Flick.Aws.JsonProtocol;

namespace Flick.Aws.Tests.JsonProtocol;

/// <summary>Clients over a <see cref="RecordingHandler"/>, with fixed credentials and no real waiting between retries.</summary>
public static class TestClients
{
    public const string Region = "us-east-1";
    public const string AccessKey = "AKIDEXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    public static AwsRetryPolicy FastRetry(int maxAttempts = 4) =>
        new() { MaxAttempts = maxAttempts, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) };

    public static AwsJsonProtocolClient Create(
        RecordingHandler handler,
        AwsJsonService service,
        AwsRetryPolicy? retry = null,
        AWSCredentials? credentials = null,
        TimeProvider? time = null,
        Uri? serviceUrl = null) =>
        new(
            new HttpClient(handler),
            service,
            new AwsJsonClientOptions { Region = Region, ServiceUrl = serviceUrl, Retry = retry ?? FastRetry() },
            credentials ?? new BasicAWSCredentials(AccessKey, SecretKey),
            time);
}
