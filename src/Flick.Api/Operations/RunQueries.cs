using Flick.Api.Contracts;
using Flick.Api.Http;
using Flick.Api.Input;
using Flick.Core.Domain.Runs;
using Flick.Core.Ports;
using Flick.Pipeline.Steps;

namespace Flick.Api.Operations;

/// <summary>
/// Series and runs as operators follow them. Not cached: a run's status moves without a
/// notification until it ends.
/// </summary>
public sealed class RunQueries(IRunStore runs)
{
    public const int MaxRunIdLength = 80;

    public async Task<SeriesList> SeriesAsync(CancellationToken ct) => new(await runs.ListSeriesAsync(ct));

    public async Task<Outcome<RunList>> ListAsync(string? seriesId, string? status, string? limit, CancellationToken ct)
    {
        var errors = new InputErrors();
        var series = ApiInput.Series(seriesId, errors);
        var max = ApiInput.Limit(limit, errors, 50);
        RunStatus? wanted = null;
        if (status is not null)
        {
            if (Enum.TryParse<RunStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !status.Any(char.IsDigit))
            {
                wanted = parsed;
            }
            else
            {
                errors.Add("status", "status must be one of pending, running, succeeded, failed");
            }
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        // A status filter looks further back, so that "the last failures" finds failures.
        var records = await runs.ListAsync(series, wanted is null ? max : InputRules.MaxLimit * 10, ct);
        var views = new List<RunView>();
        foreach (var run in records.Where(r => wanted is null || r.Status == wanted).Take(max))
        {
            views.Add(await ViewAsync(run, ct));
        }

        return new RunList(series, views);
    }

    public async Task<Outcome<RunView>> GetAsync(string? runId, CancellationToken ct)
    {
        if (!IsRunId(runId))
        {
            return ApiError.Invalid("runId", $"runId must be 1 to {MaxRunIdLength} ASCII letters, digits, '-' or '_'");
        }

        var run = await runs.GetAsync(runId!, ct);
        return run is null ? ApiError.NotFound($"run '{runId}' does not exist (a re-run appears once its manifest is picked up)") : await ViewAsync(run, ct);
    }

    public static bool IsRunId(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxRunIdLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private async Task<RunView> ViewAsync(RunRecord run, CancellationToken ct)
    {
        var done = await runs.CountSlotsDoneAsync(run.RunId, SlotStepNames.All, ct);
        var hasRange = run.To > run.From;
        return new RunView(run.RunId, run.SeriesId, run.Status.ToString().ToLowerInvariant(), run.Reason,
            hasRange ? run.From.Start : null, hasRange ? run.To.Start : null, run.Slots, done, run.Observations, run.Rejected,
            run.CreatedAt, run.StartedAt, run.FinishedAt, run.Error);
    }
}
