using Flick.Core.Domain.Metrics;
using Flick.Core.Ports;

namespace Flick.Api.Tests.Fakes;

/// <summary>Holds no roll-up: window answers are computed from the per-slot rows.</summary>
public sealed class FakeWindowRollupStore : IWindowRollupStore
{
    public Task<bool> WriteAsync(string seriesId, WindowMetrics window, long dataVersion, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<VersionedWindow?> ReadVersionedAsync(string seriesId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<VersionedWindow?>(null);

    public Task<WindowMetrics?> ReadAsync(string seriesId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<WindowMetrics?>(null);
}
