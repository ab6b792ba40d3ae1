using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Flick.Aws.Tests.Tables;

/// <summary>The DynamoDB emulator (dynalite) that scripts/test.sh starts; tests fail, never skip, without it.</summary>
internal static class DynamoEmulator
{
    public const string EndpointVariable = "FLICK_TEST_DYNAMODB_ENDPOINT";

    public static string Endpoint =>
        Environment.GetEnvironmentVariable(EndpointVariable) is { Length: > 0 } endpoint
            ? endpoint
            : throw new InvalidOperationException(
                $"{EndpointVariable} is not set: start the emulators with `eval \"$(./scripts/emulators.sh start)\"` or run scripts/test.sh");

    public static AWSCredentials Credentials { get; } = new BasicAWSCredentials("test", "test");

    public static AmazonDynamoDBConfig Config() => new()
    {
        ServiceURL = Endpoint,
        AuthenticationRegion = "eu-west-1",
        // A loaded machine may answer slowly; the SDK's own retries are part of what runs in AWS.
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static AmazonDynamoDBClient CreateClient() => new(Credentials, Config());
}
