using System.Net;
using System.Text.Json;
using Flick.Aws.JsonProtocol;
using Flick.Aws.Tests.JsonProtocol;
using Flick.Aws.Workflow;
using Flick.Core.Ports;

namespace Flick.Aws.Tests.Workflow;

public sealed class StepFunctionsWorkflowStarterTests
{
    private const string StateMachineArn = "arn:aws:states:eu-central-1:210987654321:stateMachine:flick-pipeline";

    [Fact]
    public async Task StartAsync_WhenStarted_ShouldReturnTheExecutionArnAnswered()
    {
        var handler = new RecordingHandler().ThenJson(HttpStatusCode.OK,
            """{"executionArn":"arn:aws:states:eu-central-1:210987654321:execution:flick-pipeline:run-20260314T0925","startDate":1773480300.5}""");

        var start = await Starter(handler).StartAsync("run-20260314T0925", """{"runId":"run-20260314T0925"}""", CancellationToken.None);

        start.ShouldBe(new WorkflowStart("arn:aws:states:eu-central-1:210987654321:execution:flick-pipeline:run-20260314T0925", AlreadyExisted: false));
        using var body = JsonDocument.Parse(handler.Requests.ShouldHaveSingleItem().Body);
        body.RootElement.GetProperty("stateMachineArn").GetString().ShouldBe(StateMachineArn);
        body.RootElement.GetProperty("name").GetString().ShouldBe("run-20260314T0925");
        body.RootElement.GetProperty("input").GetString().ShouldBe("""{"runId":"run-20260314T0925"}""");
    }

    [Fact]
    public async Task StartAsync_WhenTheExecutionAlreadyExists_ShouldReturnItsArnAsAlreadyExistedWithoutRetrying()
    {
        var handler = new RecordingHandler().ThenJson(HttpStatusCode.BadRequest,
            """{"__type":"com.amazonaws.swf.service.v2.model#ExecutionAlreadyExists","message":"Execution Already Exists: 'arn:aws:states:eu-central-1:210987654321:execution:flick-pipeline:run-7'"}""");

        var start = await Starter(handler).StartAsync("run-7", "{}", CancellationToken.None);

        // arn:aws:states:REGION:ACCOUNT:execution:STATE-MACHINE-NAME:EXECUTION-NAME
        start.ShouldBe(new WorkflowStart("arn:aws:states:eu-central-1:210987654321:execution:flick-pipeline:run-7", AlreadyExisted: true));
        handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task StartAsync_WhenThrottledThenStarted_ShouldRetryAndSucceed()
    {
        var handler = new RecordingHandler()
            .ThenJson(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"Rate exceeded"}""")
            .ThenJson(HttpStatusCode.OK, """{"executionArn":"arn:aws:states:eu-central-1:210987654321:execution:flick-pipeline:run-8"}""");

        var start = await Starter(handler).StartAsync("run-8", "{}", CancellationToken.None);

        start.AlreadyExisted.ShouldBeFalse();
        handler.Requests.Count.ShouldBe(2);
        handler.Requests[1].BodyText.ShouldBe(handler.Requests[0].BodyText);
    }

    [Theory]
    [InlineData("InvalidExecutionInput")]
    [InlineData("ValidationException")]
    [InlineData("StateMachineDoesNotExist")]
    public async Task StartAsync_WhenTheServiceRejectsTheStart_ShouldThrowTheTypedErrorWithoutRetrying(string code)
    {
        var handler = new RecordingHandler().ThenJson(HttpStatusCode.BadRequest, $$"""{"__type":"{{code}}","message":"rejected"}""");

        var exception = await Should.ThrowAsync<AwsServiceException>(() => Starter(handler).StartAsync("run-9", "{}", CancellationToken.None));

        exception.ErrorCode.ShouldBe(code);
        exception.Retryable.ShouldBeFalse();
        handler.Requests.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("run 1")]
    [InlineData("run:1")]
    [InlineData("run/1")]
    public async Task StartAsync_WhenTheNameIsInvalid_ShouldThrowBeforeCallingAws(string name)
    {
        var handler = new RecordingHandler();

        await Should.ThrowAsync<ArgumentException>(() => Starter(handler).StartAsync(name, "{}", CancellationToken.None));

        handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task StartAsync_WhenTheNameHas80Or81Characters_ShouldAcceptOnlyThe80()
    {
        var handler = new RecordingHandler().ThenJson(HttpStatusCode.OK, """{"executionArn":"arn:aws:states:eu-central-1:210987654321:execution:flick-pipeline:x"}""");
        var starter = Starter(handler);

        await starter.StartAsync(new string('a', 80), "{}", CancellationToken.None);
        await Should.ThrowAsync<ArgumentException>(() => starter.StartAsync(new string('a', 81), "{}", CancellationToken.None));

        handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public void Constructor_WhenTheClientIsForAnotherService_ShouldThrow()
    {
        var client = TestClients.Create(new RecordingHandler(), AwsJsonService.EventBridge);

        Should.Throw<ArgumentException>(() => new StepFunctionsWorkflowStarter(client, new StepFunctionsOptions { StateMachineArn = StateMachineArn }));
    }

    [Theory]
    [InlineData("arn:aws:states:eu-central-1:210987654321:execution:flick-pipeline:run-1")]
    [InlineData("flick-pipeline")]
    [InlineData("arn:aws:lambda:eu-central-1:210987654321:function:flick")]
    public void Constructor_WhenTheArnIsNotAStateMachine_ShouldThrow(string arn)
    {
        var client = TestClients.Create(new RecordingHandler(), AwsJsonService.StepFunctions);

        Should.Throw<ArgumentException>(() => new StepFunctionsWorkflowStarter(client, new StepFunctionsOptions { StateMachineArn = arn }));
    }

    private static StepFunctionsWorkflowStarter Starter(RecordingHandler handler) =>
        new(TestClients.Create(handler, AwsJsonService.StepFunctions), new StepFunctionsOptions { StateMachineArn = StateMachineArn });
}
