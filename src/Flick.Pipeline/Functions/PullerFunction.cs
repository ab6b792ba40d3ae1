using System.Text.Json;
using Flick.Pipeline.Events;
using Flick.Pipeline.Pulls;
using Microsoft.Extensions.Logging;

namespace Flick.Pipeline.Functions;

/// <summary>
/// The Puller. It is invoked two ways: by the schedule with a pull request as its payload, and by
/// the pull-request queue (manual pulls, backfills) with an SQS batch of them.
/// </summary>
public sealed class PullerFunction(Puller puller, ILogger<PullerFunction> logger) : SqsBatchFunction(logger)
{
    public override string Name => FunctionNames.Puller;

    public override async Task<string> InvokeAsync(string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Contains("\"Records\"", StringComparison.Ordinal))
        {
            return await base.InvokeAsync(payload, cancellationToken);
        }

        var record = await puller.PullAsync(Read(payload), cancellationToken);
        return JsonSerializer.Serialize(record, PipelineJson.Default.PullRecord);
    }

    protected override async Task HandleRecordAsync(SqsRecord record, CancellationToken cancellationToken)
    {
        var result = await puller.PullAsync(Read(record.Body ?? string.Empty), cancellationToken);
        logger.LogInformation("Pulled {PullId}: {Status}, {Pages} pages, {Streams} streams{Error}",
            result.PullId, result.Status, result.Pages, result.Streams, result.Error is null ? string.Empty : " — " + result.Error);
    }

    private static PullRequest Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, PipelineJson.Default.PullRequest) ?? throw new InvalidDataException("the pull request is null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the pull request is not valid JSON: {e.Message}", e);
        }
    }
}
