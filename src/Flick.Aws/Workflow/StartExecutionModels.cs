using System.Text.Json.Serialization;

namespace Flick.Aws.Workflow;

/// <summary>The members of Step Functions' StartExecution request that Flick sends.</summary>
internal sealed record StartExecutionRequest(
    [property: JsonPropertyName("stateMachineArn")] string StateMachineArn,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("input")] string Input);

/// <summary>StartExecution's response; <c>startDate</c> is not needed.</summary>
internal sealed record StartExecutionResponse([property: JsonPropertyName("executionArn")] string? ExecutionArn);
