using System.Text.Json.Serialization;
using Flick.Core.Domain.Pulls;
using Flick.Core.Domain.Runs;

namespace Flick.Pipeline.Events;

/// <summary>Source-generated JSON for every payload the pipeline reads or writes (AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(SqsEvent))]
[JsonSerializable(typeof(SqsBatchResponse))]
[JsonSerializable(typeof(S3ObjectCreatedEvent))]
[JsonSerializable(typeof(PreparedRun))]
[JsonSerializable(typeof(SlotTask))]
[JsonSerializable(typeof(SlotStepResult))]
[JsonSerializable(typeof(FailedRun))]
[JsonSerializable(typeof(SeriesNotification))]
[JsonSerializable(typeof(PullRequest))]
[JsonSerializable(typeof(RunManifest))]
[JsonSerializable(typeof(PullManifest))]
[JsonSerializable(typeof(PullRecord))]
public sealed partial class PipelineJson : JsonSerializerContext;
