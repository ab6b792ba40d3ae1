using System.Net;
using Flick.Aws.JsonProtocol;
using Microsoft.Extensions.Time.Testing;

namespace Flick.Aws.Tests.JsonProtocol;

/// <summary>Without credentials of its own the client asks AWSSDK.Core's default chain, whose first link is the environment.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class AwsJsonProtocolClientDefaultCredentialsTests
{
    private static readonly string[] Variables = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];

    [Fact]
    public async Task SendAsync_WhenNoCredentialsAreGiven_ShouldSignWithTheEnvironmentsKeysAndSessionToken()
    {
        var saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "ASIAENVIRONMENTKEY");
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "environment/secret/key");
            Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", "environment-session-token");
            var handler = new RecordingHandler().ThenJson(HttpStatusCode.OK, """{"Echo":"pong"}""");
            var signedAt = new DateTime(2026, 2, 3, 4, 5, 6, DateTimeKind.Utc);
            var client = new AwsJsonProtocolClient(
                new HttpClient(handler),
                AwsJsonService.StepFunctions,
                new AwsJsonClientOptions { Region = "eu-west-1" },
                credentials: null,
                new FakeTimeProvider(new DateTimeOffset(signedAt)));

            await client.SendAsync("Ping", new PingRequest("x"), TestJsonContext.Default.PingRequest, TestJsonContext.Default.PingResponse, CancellationToken.None);

            var request = handler.Requests.ShouldHaveSingleItem();
            request.Header("X-Amz-Security-Token").ShouldBe("environment-session-token");
            var body = """{"Name":"x"}"""u8.ToArray();
            request.Header("Authorization").ShouldBe(ReferenceSigV4.Authorization(
                "ASIAENVIRONMENTKEY", "environment/secret/key", signedAt, "eu-west-1", "states", "POST", "/", "",
                [
                    ("Content-Type", "application/x-amz-json-1.0"),
                    ("Host", "states.eu-west-1.amazonaws.com"),
                    ("X-Amz-Content-SHA256", ReferenceSigV4.HexSha256(body)),
                    ("X-Amz-Date", "20260203T040506Z"),
                    ("X-Amz-Target", "AWSStepFunctions.Ping"),
                    ("X-Amz-Security-Token", "environment-session-token"),
                ],
                body));
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
