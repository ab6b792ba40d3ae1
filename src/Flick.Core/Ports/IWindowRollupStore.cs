using Flick.Core.Domain.Metrics;

namespace Flick.Core.Ports;

/// <summary>Window roll-ups that Finalize computes (one per UTC hour touched by a run). Writing replaces.</summary>
public interface IWindowRollupStore
{
    Task WriteAsync(string seriesId, WindowMetrics window, CancellationToken cancellationToken);

    Task<WindowMetrics?> ReadAsync(string seriesId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
