using System.Text.Json;
using Flick.Pipeline.Events;
using Microsoft.Extensions.Logging;

namespace Flick.Pipeline.Functions;

/// <summary>
/// A function behind an SQS event source mapping with ReportBatchItemFailures: each record is
/// handled on its own, and only the ones that failed are returned, to be delivered again (and,
/// after the queue's maximum receive count, moved to its dead-letter queue).
/// </summary>
public abstract class SqsBatchFunction(ILogger logger) : IFunctionHandler
{
    public abstract string Name { get; }

    public virtual async Task<string> InvokeAsync(string payload, CancellationToken cancellationToken)
    {
        SqsEvent? batch;
        try
        {
            batch = JsonSerializer.Deserialize(payload, PipelineJson.Default.SqsEvent);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{Name}: the payload is not an SQS event: {e.Message}", e);
        }

        var failures = new List<BatchItemFailure>();
        foreach (var record in batch?.Records ?? [])
        {
            try
            {
                await HandleRecordAsync(record, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "{Function} failed on message {MessageId}: {Error}", Name, record.MessageId, e.Message);
                failures.Add(new BatchItemFailure(record.MessageId));
            }
        }

        return JsonSerializer.Serialize(new SqsBatchResponse(failures), PipelineJson.Default.SqsBatchResponse);
    }

    protected abstract Task HandleRecordAsync(SqsRecord record, CancellationToken cancellationToken);

    /// <summary>Reads an EventBridge S3 "Object Created" event from a record body.</summary>
    protected static (string Bucket, string Key, string? ETag) ReadObjectCreated(SqsRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var evt = JsonSerializer.Deserialize(record.Body ?? "null", PipelineJson.Default.S3ObjectCreatedEvent);
        var bucket = evt?.Detail?.Bucket?.Name;
        var key = evt?.Detail?.S3Object?.Key;
        if (string.IsNullOrEmpty(bucket) || string.IsNullOrEmpty(key))
        {
            throw new InvalidDataException("the message is not an S3 Object Created event (no bucket or key)");
        }

        return (bucket, key, evt!.Detail!.S3Object!.ETag);
    }
}
