using System.Text.Json;
using Flick.Api.Contracts;
using Flick.Api.Http;
using Flick.Api.Input;
using Flick.Core.Ports;
using Flick.Pipeline;
using Flick.Pipeline.Events;

namespace Flick.Api.Operations;

/// <summary>
/// Manual pulls: a pull request on the pull-request queue, which the Puller consumes like any other.
/// When the host knows the pipeline's sources, an unknown source is refused up front.
/// </summary>
public sealed class PullService(IMessageQueue queue, IPullLog pulls, IServiceProvider services)
{
    public const string ManualReason = "manual";

    public async Task<Outcome<PullAccepted>> RequestAsync(PullRequestBody? body, CancellationToken ct)
    {
        var errors = new InputErrors();
        var source = ApiInput.Source(body?.Source, errors);
        var at = ApiInput.Minute("at", body?.At, errors);
        if (errors.Any)
        {
            return errors.ToError();
        }

        if (services.GetService(typeof(PipelineOptions)) is PipelineOptions pipeline && pipeline.FindSource(source) is null)
        {
            return ApiError.NotFound($"source '{source}' is not configured");
        }

        var request = new PullRequest(source, at?.Start, ManualReason);
        var messageId = await queue.SendAsync(Queues.PullRequests, JsonSerializer.Serialize(request, PipelineJson.Default.PullRequest), ct);
        return new PullAccepted(messageId, source, at?.Start);
    }

    /// <summary>The configured sources, in configuration order (the first is the default of a manual pull).</summary>
    public SourceList Sources() =>
        new(services.GetService(typeof(PipelineOptions)) is PipelineOptions pipeline
            ? pipeline.Sources.Select(s => new SourceView(s.Name, s.SeriesId, s.AllowTimeTravel)).ToList()
            : []);

    public async Task<Outcome<PullList>> ListAsync(string? source, string? limit, CancellationToken ct)
    {
        var errors = new InputErrors();
        var name = ApiInput.Source(source, errors);
        var max = ApiInput.Limit(limit, errors, 50);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var records = await pulls.ListAsync(name, max, ct);
        return new PullList(name, records.Select(p => new PullView(p.PullId, p.SeriesId, p.At, p.StartedAt, p.FinishedAt, p.Pages, p.Bytes, p.Streams,
            p.Status.ToString().ToLowerInvariant(), p.Error, p.Complete)).ToList());
    }
}
