using Flick.Core.Domain;
using Flick.Core.Domain.Runs;

namespace Flick.Core.Ports;

/// <summary>Run records and per-slot progress.</summary>
public interface IRunStore
{
    /// <summary>Writes the record, replacing one with the same run id.</summary>
    Task PutAsync(RunRecord run, CancellationToken cancellationToken);

    Task<RunRecord?> GetAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Runs of a series, newest first.</summary>
    Task<IReadOnlyList<RunRecord>> ListAsync(string seriesId, int limit, CancellationToken cancellationToken);

    /// <summary>The series that have at least one run, ordinal order.</summary>
    Task<IReadOnlyList<string>> ListSeriesAsync(CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="step"/> finished <paramref name="slot"/> in the run (idempotent).</summary>
    Task MarkStepDoneAsync(string runId, Slot slot, string step, CancellationToken cancellationToken);

    /// <summary>How many slots of the run have all of <paramref name="steps"/> done.</summary>
    Task<int> CountSlotsDoneAsync(string runId, IReadOnlyCollection<string> steps, CancellationToken cancellationToken);
}
