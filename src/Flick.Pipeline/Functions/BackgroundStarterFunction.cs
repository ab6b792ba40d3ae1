using Flick.Pipeline.Events;
using Flick.Pipeline.Ingest;
using Microsoft.Extensions.Logging;

namespace Flick.Pipeline.Functions;

/// <summary>Splits each created raw object into series slots and a run manifest (bronze → silver).</summary>
public sealed class BackgroundStarterFunction(RawObjectIngestor ingestor, PipelineOptions options, ILogger<BackgroundStarterFunction> logger)
    : SqsBatchFunction(logger)
{
    public override string Name => FunctionNames.BackgroundStarter;

    protected override async Task HandleRecordAsync(SqsRecord record, CancellationToken cancellationToken)
    {
        var (bucket, key, etag) = ReadObjectCreated(record);
        if (!string.Equals(bucket, options.Buckets.Raw, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"object '{key}' is in bucket '{bucket}', not in the raw bucket '{options.Buckets.Raw}'");
        }

        var result = await ingestor.IngestAsync(key, etag, cancellationToken);
        logger.LogInformation("Ingested {Key}: {Slots} slots, {Observations} observations, {Rejected} rejected, runs {Runs}",
            key, result.Slots, result.Observations, result.Rejected, string.Join(',', result.RunIds));
    }
}
