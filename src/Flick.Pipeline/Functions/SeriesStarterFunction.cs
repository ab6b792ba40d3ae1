using System.Text.Json;
using Flick.Core.Domain.Runs;
using Flick.Core.Ports;
using Flick.Pipeline.Events;
using Flick.Pipeline.Layout;
using Microsoft.Extensions.Logging;

namespace Flick.Pipeline.Functions;

/// <summary>
/// The "Time Series Data Starter": for each created run manifest, records the run as pending and
/// starts the state machine under the run id. A name already used is success, so a redelivered
/// manifest event starts nothing twice.
/// </summary>
public sealed class SeriesStarterFunction(
    IObjectStore store,
    IRunStore runs,
    IWorkflowStarter workflow,
    PipelineOptions options,
    ILogger<SeriesStarterFunction> logger) : SqsBatchFunction(logger)
{
    public override string Name => FunctionNames.SeriesStarter;

    protected override async Task HandleRecordAsync(SqsRecord record, CancellationToken cancellationToken)
    {
        var (bucket, key, _) = ReadObjectCreated(record);
        if (!string.Equals(bucket, options.Buckets.Series, StringComparison.Ordinal) || !key.StartsWith(StorageLayout.ManifestsPrefix, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"object '{bucket}/{key}' is not a run manifest");
        }

        string json;
        await using (var stream = await store.OpenReadAsync(bucket, key, cancellationToken) ?? throw new FileNotFoundException($"run manifest '{key}' does not exist"))
        using (var reader = new StreamReader(stream))
        {
            json = await reader.ReadToEndAsync(cancellationToken);
        }

        var manifest = JsonSerializer.Deserialize(json, PipelineJson.Default.RunManifest)
            ?? throw new InvalidDataException($"run manifest '{key}' is empty");
        if (await runs.GetAsync(manifest.RunId, cancellationToken) is null)
        {
            await runs.PutAsync(new RunRecord
            {
                RunId = manifest.RunId,
                SeriesId = manifest.SeriesId,
                Status = RunStatus.Pending,
                Slots = manifest.Slots.Count,
                Observations = manifest.Observations,
                Rejected = manifest.Rejected,
                Reason = manifest.Reason,
                CreatedAt = manifest.CreatedAt,
            }, cancellationToken);
        }

        var start = await workflow.StartAsync(manifest.RunId, json, cancellationToken);
        logger.LogInformation("Run {RunId}: execution {Arn} {State}", manifest.RunId, start.ExecutionArn, start.AlreadyExisted ? "already existed" : "started");
    }
}
