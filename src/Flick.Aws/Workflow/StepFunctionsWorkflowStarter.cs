using System.Buffers;
using Flick.Aws.JsonProtocol;
using Flick.Core.Ports;

namespace Flick.Aws.Workflow;

/// <summary>
/// Starts executions of the pipeline state machine with Step Functions' <c>StartExecution</c>. The execution
/// name is the run id, so a redelivered start names the same execution: AWS then either answers success with
/// the same ARN (same input, Standard workflow) or <c>ExecutionAlreadyExists</c>, and both are a success here.
/// </summary>
public sealed class StepFunctionsWorkflowStarter : IWorkflowStarter
{
    /// <summary>Step Functions' limit on execution names.</summary>
    public const int MaxExecutionNameLength = 80;

    private const string StartExecution = "StartExecution";
    private const string ForbiddenNameText = "<>{}[]?*\"#%\\^|~`$&,;:/";
    private static readonly SearchValues<char> ForbiddenNameCharacters = SearchValues.Create(ForbiddenNameText);

    private readonly AwsJsonProtocolClient _client;
    private readonly StepFunctionsOptions _options;
    private readonly StateMachineArnParts _stateMachine;

    /// <param name="client">A client for <see cref="AwsJsonService.StepFunctions"/>.</param>
    public StepFunctionsWorkflowStarter(AwsJsonProtocolClient client, StepFunctionsOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        if (client.Service != AwsJsonService.StepFunctions)
        {
            throw new ArgumentException($"The client speaks to '{client.Service.SigningName}', not Step Functions.", nameof(client));
        }

        _stateMachine = StateMachineArnParts.Parse(options.StateMachineArn);
        _client = client;
        _options = options;
    }

    /// <exception cref="ArgumentException">The name is not a valid execution name.</exception>
    /// <exception cref="AwsServiceException">Step Functions refused the start (other than for the name being taken).</exception>
    public async Task<WorkflowStart> StartAsync(string executionName, string inputJson, CancellationToken cancellationToken)
    {
        ValidateName(executionName);
        ArgumentNullException.ThrowIfNull(inputJson);
        var request = new StartExecutionRequest(_options.StateMachineArn, executionName, inputJson);
        try
        {
            var response = await _client.SendAsync(
                StartExecution,
                request,
                StepFunctionsJsonContext.Default.StartExecutionRequest,
                StepFunctionsJsonContext.Default.StartExecutionResponse,
                cancellationToken);
            return new WorkflowStart(response.ExecutionArn ?? _stateMachine.ExecutionArn(executionName), AlreadyExisted: false);
        }
        catch (AwsServiceException exception) when (exception.ErrorCode == AwsErrorCodes.ExecutionAlreadyExists)
        {
            // The name is taken (by a finished execution, or one started with another input): the run was started before.
            return new WorkflowStart(_stateMachine.ExecutionArn(executionName), AlreadyExisted: true);
        }
    }

    private static void ValidateName(string executionName)
    {
        ArgumentNullException.ThrowIfNull(executionName);
        if (executionName.Length is 0 or > MaxExecutionNameLength
            || executionName.AsSpan().IndexOfAny(ForbiddenNameCharacters) >= 0
            || executionName.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException(
                $"'{executionName}' is not a valid execution name: 1 to {MaxExecutionNameLength} characters, no whitespace, control characters or any of {ForbiddenNameText}.",
                nameof(executionName));
        }
    }
}
