using System.Text.Json.Serialization;

namespace Flick.Aws.Workflow;

[JsonSerializable(typeof(StartExecutionRequest))]
[JsonSerializable(typeof(StartExecutionResponse))]
internal sealed partial class StepFunctionsJsonContext : JsonSerializerContext;
