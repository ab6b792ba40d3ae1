using System.Net;
using System.Text;
using Amazon.Runtime;
using Flick.Aws.Events;
using Flick.Aws.JsonProtocol;
using Flick.Aws.Workflow;
using Flick.Core.Ports;
using Microsoft.Extensions.Time.Testing;
using static Flick.Aws.Tests.JsonProtocol.TestClients;

namespace Flick.Aws.Tests.JsonProtocol;

/// <summary>
/// Requests as they leave <see cref="AwsJsonProtocolClient"/> (fixed clock, fixed credentials) carry the
/// protocol's headers and body, and an Authorization header equal to the one <see cref="ReferenceSigV4"/>
/// computes from the headers the protocol requires to be signed.
/// </summary>
public sealed class AwsJsonProtocolClientSigningTests
{
    private const string StateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:flick-pipeline";
    private static readonly DateTime SignedAt = new(2026, 3, 14, 9, 26, 53, DateTimeKind.Utc);

    [Fact]
    public async Task StartExecution_WhenSent_ShouldCarryTheTargetBodyAndTheReferenceSignature()
    {
        var handler = new RecordingHandler().ThenJson(HttpStatusCode.OK,
            """{"executionArn":"arn:aws:states:us-east-1:123456789012:execution:flick-pipeline:run-1","startDate":1.773480413E9}""");
        var starter = new StepFunctionsWorkflowStarter(
            Create(handler, AwsJsonService.StepFunctions, time: Clock()),
            new StepFunctionsOptions { StateMachineArn = StateMachineArn });

        await starter.StartAsync("run-1", """{"runId":"run-1"}""", CancellationToken.None);

        var request = handler.Requests.ShouldHaveSingleItem();
        // System.Text.Json's default encoder writes a quote inside a string as \u0022.
        const string expectedBody = """{"stateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:flick-pipeline","name":"run-1","input":"{\u0022runId\u0022:\u0022run-1\u0022}"}""";
        AssertSignedRequest(request, new Uri("https://states.us-east-1.amazonaws.com/"), "states.us-east-1.amazonaws.com", "states",
            "application/x-amz-json-1.0", "AWSStepFunctions.StartExecution", expectedBody, sessionToken: null);
    }

    [Fact]
    public async Task PutEvents_WhenSent_ShouldCarryTheTargetBodyAndTheReferenceSignature()
    {
        var handler = new RecordingHandler().ThenJson(HttpStatusCode.OK,
            """{"FailedEntryCount":0,"Entries":[{"EventId":"11710aed-b79e-4468-a20b-bb3c0c3b4860"}]}""", "application/x-amz-json-1.1");
        var bus = new EventBridgeEventBus(
            Create(handler, AwsJsonService.EventBridge, time: Clock()),
            new EventBridgeOptions { EventBusName = "flick" });

        await bus.PublishAsync(
            [new BusEvent("flick.pipeline", "Run Finished", """{"runId":"run-1"}""", ["arn:aws:s3:::gold/run-1"], new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))],
            CancellationToken.None);

        var request = handler.Requests.ShouldHaveSingleItem();
        // 2026-01-01T00:00:00Z is 1767225600 seconds after the Unix epoch.
        const string expectedBody = """{"Entries":[{"Source":"flick.pipeline","DetailType":"Run Finished","Detail":"{\u0022runId\u0022:\u0022run-1\u0022}","Resources":["arn:aws:s3:::gold/run-1"],"Time":1767225600,"EventBusName":"flick"}]}""";
        AssertSignedRequest(request, new Uri("https://events.us-east-1.amazonaws.com/"), "events.us-east-1.amazonaws.com", "events",
            "application/x-amz-json-1.1", "AWSEvents.PutEvents", expectedBody, sessionToken: null);
    }

    [Fact]
    public async Task SendAsync_WhenTheCredentialsHaveASessionToken_ShouldSendAndSignTheToken()
    {
        const string token = "FwoGZXIvYXdzEXAMPLEsessiontoken//////////wEaDExample+token=";
        var handler = new RecordingHandler().ThenJson(HttpStatusCode.OK, """{"executionArn":"arn:aws:states:us-east-1:123456789012:execution:flick-pipeline:run-2"}""");
        var starter = new StepFunctionsWorkflowStarter(
            Create(handler, AwsJsonService.StepFunctions, credentials: new SessionAWSCredentials(AccessKey, SecretKey, token), time: Clock()),
            new StepFunctionsOptions { StateMachineArn = StateMachineArn });

        await starter.StartAsync("run-2", "{}", CancellationToken.None);

        const string expectedBody = """{"stateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:flick-pipeline","name":"run-2","input":"{}"}""";
        AssertSignedRequest(handler.Requests.ShouldHaveSingleItem(), new Uri("https://states.us-east-1.amazonaws.com/"), "states.us-east-1.amazonaws.com", "states",
            "application/x-amz-json-1.0", "AWSStepFunctions.StartExecution", expectedBody, token);
    }

    [Fact]
    public async Task SendAsync_WhenAServiceUrlOverridesTheEndpoint_ShouldCallItAndSignItsHostAndPortForTheConfiguredRegion()
    {
        var handler = new RecordingHandler().ThenJson(HttpStatusCode.OK, """{"FailedEntryCount":0,"Entries":[{"EventId":"e-1"}]}""", "application/x-amz-json-1.1");
        var bus = new EventBridgeEventBus(
            Create(handler, AwsJsonService.EventBridge, time: Clock(), serviceUrl: new Uri("http://127.0.0.1:4599/")),
            new EventBridgeOptions());

        await bus.PublishAsync([new BusEvent("flick.test", "Ping", "{}")], CancellationToken.None);

        const string expectedBody = """{"Entries":[{"Source":"flick.test","DetailType":"Ping","Detail":"{}","EventBusName":"default"}]}""";
        AssertSignedRequest(handler.Requests.ShouldHaveSingleItem(), new Uri("http://127.0.0.1:4599/"), "127.0.0.1:4599", "events",
            "application/x-amz-json-1.1", "AWSEvents.PutEvents", expectedBody, sessionToken: null);
    }

    private static FakeTimeProvider Clock() => new(new DateTimeOffset(SignedAt));

    private static void AssertSignedRequest(
        RecordedRequest request,
        Uri url,
        string host,
        string signingName,
        string contentType,
        string target,
        string expectedBody,
        string? sessionToken)
    {
        var body = Encoding.UTF8.GetBytes(expectedBody);
        request.Method.ShouldBe(HttpMethod.Post);
        request.Uri.ShouldBe(url);
        request.BodyText.ShouldBe(expectedBody);
        request.Header("Content-Type").ShouldBe(contentType);
        request.Header("X-Amz-Target").ShouldBe(target);
        request.Header("Host").ShouldBe(host);
        request.Header("X-Amz-Date").ShouldBe("20260314T092653Z");
        request.Header("X-Amz-Content-SHA256").ShouldBe(ReferenceSigV4.HexSha256(body));

        List<(string Name, string Value)> signedHeaders =
        [
            ("Content-Type", contentType),
            ("Host", host),
            ("X-Amz-Content-SHA256", ReferenceSigV4.HexSha256(body)),
            ("X-Amz-Date", "20260314T092653Z"),
            ("X-Amz-Target", target),
        ];
        if (sessionToken is not null)
        {
            request.Header("X-Amz-Security-Token").ShouldBe(sessionToken);
            signedHeaders.Add(("X-Amz-Security-Token", sessionToken));
        }
        else
        {
            request.Headers.ShouldNotContainKey("X-Amz-Security-Token");
        }

        var expected = ReferenceSigV4.Authorization(AccessKey, SecretKey, SignedAt, Region, signingName, "POST", "/", "", signedHeaders, body);
        request.Header("Authorization").ShouldBe(expected);
    }
}
