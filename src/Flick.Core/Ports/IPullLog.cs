using Flick.Core.Domain.Pulls;

namespace Flick.Core.Ports;

/// <summary>The raw table: one record per pull.</summary>
public interface IPullLog
{
    /// <summary>Writes the record, replacing one with the same pull id.</summary>
    Task PutAsync(PullRecord record, CancellationToken cancellationToken);

    Task<PullRecord?> GetAsync(string pullId, CancellationToken cancellationToken);

    /// <summary>The latest pulls of a source, newest first.</summary>
    Task<IReadOnlyList<PullRecord>> ListAsync(string source, int limit, CancellationToken cancellationToken);
}
