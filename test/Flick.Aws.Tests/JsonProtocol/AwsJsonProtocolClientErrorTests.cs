using System.Net;
using Flick.Aws.JsonProtocol;

namespace Flick.Aws.Tests.JsonProtocol;

public sealed class AwsJsonProtocolClientErrorTests
{
    private const string Ok = """{"Echo":"pong"}""";

    [Fact]
    public async Task SendAsync_WhenThrottledOnce_ShouldRetryAndReturnTheResponse()
    {
        var handler = new RecordingHandler()
            .ThenJson(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"Rate exceeded"}""")
            .ThenJson(HttpStatusCode.OK, Ok);

        var response = await PingAsync(handler);

        response.Echo.ShouldBe("pong");
        handler.Requests.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, "")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "<html>busy</html>")]
    [InlineData(HttpStatusCode.InternalServerError, """{"__type":"InternalFailure"}""")]
    [InlineData(HttpStatusCode.BadRequest, """{"__type":"TooManyRequestsException","Message":"slow down"}""")]
    public async Task SendAsync_WhenATransientFailureComesFirst_ShouldRetry(HttpStatusCode status, string body)
    {
        var handler = new RecordingHandler().ThenJson(status, body).ThenJson(HttpStatusCode.OK, Ok);

        (await PingAsync(handler)).Echo.ShouldBe("pong");

        handler.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task SendAsync_WhenAValidationError_ShouldThrowItTypedWithoutRetrying()
    {
        var handler = new RecordingHandler().ThenJson(HttpStatusCode.BadRequest,
            """{"__type":"com.amazonaws.swf.service.v2.model#ValidationException","message":"1 validation error detected"}""",
            headers: ("x-amzn-RequestId", "8e2f5b52-0c8a-4b0e-9b0a-5d2a1c7f4e11"));

        var exception = await Should.ThrowAsync<AwsServiceException>(() => PingAsync(handler));

        exception.ErrorCode.ShouldBe("ValidationException");
        exception.ServiceMessage.ShouldBe("1 validation error detected");
        exception.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        exception.RequestId.ShouldBe("8e2f5b52-0c8a-4b0e-9b0a-5d2a1c7f4e11");
        exception.Retryable.ShouldBeFalse();
        exception.Message.ShouldContain("ValidationException");
        handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task SendAsync_WhenTheErrorTypeHeaderIsPresent_ShouldTakeTheCodeFromIt()
    {
        var handler = new RecordingHandler().ThenJson(HttpStatusCode.BadRequest, """{"message":"bad name"}""",
            headers: ("X-Amzn-ErrorType", "InvalidName:http://internal.amazon.com/coral/com.amazonaws.swf.service.v2.model/"));

        var exception = await Should.ThrowAsync<AwsServiceException>(() => PingAsync(handler));

        exception.ErrorCode.ShouldBe("InvalidName");
        exception.ServiceMessage.ShouldBe("bad name");
    }

    [Fact]
    public async Task SendAsync_WhenThrottlingNeverStops_ShouldGiveUpAfterMaxAttemptsWithARetryableError()
    {
        var handler = new RecordingHandler().ThenJson(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"Rate exceeded"}""");

        var exception = await Should.ThrowAsync<AwsServiceException>(() => PingAsync(handler, TestClients.FastRetry(maxAttempts: 3)));

        exception.ErrorCode.ShouldBe("ThrottlingException");
        exception.Retryable.ShouldBeTrue();
        handler.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task SendAsync_WhenTheServiceCannotBeReachedOnce_ShouldRetry()
    {
        var handler = new RecordingHandler()
            .Then(_ => throw new HttpRequestException("connection refused"))
            .ThenJson(HttpStatusCode.OK, Ok);

        (await PingAsync(handler)).Echo.ShouldBe("pong");

        handler.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task SendAsync_WhenEachAttemptIsSigned_ShouldSignEveryRetryAfresh()
    {
        var handler = new RecordingHandler()
            .ThenJson(HttpStatusCode.InternalServerError, """{"__type":"InternalException"}""")
            .ThenJson(HttpStatusCode.OK, Ok);

        await PingAsync(handler);

        handler.Requests.ShouldAllBe(r => r.Headers.ContainsKey("Authorization") && r.Header("X-Amz-Target") == "AWSStepFunctions.Ping");
    }

    private static Task<PingResponse> PingAsync(RecordingHandler handler, AwsRetryPolicy? retry = null) =>
        TestClients.Create(handler, AwsJsonService.StepFunctions, retry).SendAsync(
            "Ping", new PingRequest("flick"), TestJsonContext.Default.PingRequest, TestJsonContext.Default.PingResponse, CancellationToken.None);
}
