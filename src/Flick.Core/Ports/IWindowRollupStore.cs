using Flick.Core.Domain.Metrics;

namespace Flick.Core.Ports;

/// <summary>
/// Window roll-ups that Finalize computes (one per UTC hour touched by a run). Runs that share an
/// hour finish in any order, so each roll-up carries the data version it was computed from, and a
/// write replaces only a roll-up computed from an older or equal version.
/// </summary>
public interface IWindowRollupStore
{
    /// <summary>Writes the roll-up unless a newer one is stored; returns whether it was written.</summary>
    Task<bool> WriteAsync(string seriesId, WindowMetrics window, long dataVersion, CancellationToken cancellationToken);

    /// <summary>The stored roll-up and the data version it was computed from, or null.</summary>
    Task<VersionedWindow?> ReadVersionedAsync(string seriesId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    Task<WindowMetrics?> ReadAsync(string seriesId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
