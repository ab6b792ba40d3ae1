using Amazon.Runtime;
using Flick.Aws.JsonProtocol;
using Flick.Aws.Tests.JsonProtocol;
using Flick.Aws.Tests.Loopback;
using Flick.Aws.Workflow;
using Flick.Core.Ports;
using Flick.Testing.Contracts;

namespace Flick.Aws.Tests.Workflow;

/// <summary>The workflow starter contract on Step Functions: the real JSON-protocol client, signed, against <see cref="LoopbackStepFunctions"/>.</summary>
public sealed class StepFunctionsWorkflowStarterContractTests : WorkflowStarterContract, IAsyncLifetime, IAsyncDisposable
{
    private const string StateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:flick-pipeline";

    private readonly LoopbackStepFunctions _server = new(StateMachineArn, TestClients.Region);
    private readonly HttpClient _http = new();

    public StepFunctionsWorkflowStarterContractTests()
    {
        var client = new AwsJsonProtocolClient(
            _http,
            AwsJsonService.StepFunctions,
            new AwsJsonClientOptions { Region = TestClients.Region, ServiceUrl = _server.Endpoint, Retry = TestClients.FastRetry() },
            new BasicAWSCredentials(TestClients.AccessKey, TestClients.SecretKey));
        Starter = new StepFunctionsWorkflowStarter(client, new StepFunctionsOptions { StateMachineArn = StateMachineArn });
    }

    protected override IWorkflowStarter Starter { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    /// <summary>xunit calls this after each test (it does not call <see cref="IAsyncDisposable"/> on a test class).</summary>
    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        _server.UnsignedRequests.ShouldBe(0);
    }

    protected override Task<IReadOnlyList<StartedExecution>> ExecutionsAsync(string name) => Task.FromResult(_server.Executions(name));

    protected override Task EndAsync(string name)
    {
        _server.End(name);
        return Task.CompletedTask;
    }
}
