using Flick.Core.Domain.Metrics;

namespace Flick.Core.Ports;

/// <summary>
/// Channel profiles. Merging is commutative and idempotent (see <c>ProfileMerge</c>),
/// so slots may be merged in any order, concurrently and more than once.
/// </summary>
public interface IChannelProfileStore
{
    Task MergeAsync(string seriesId, IReadOnlyList<ChannelProfile> updates, CancellationToken cancellationToken);

    Task<ChannelProfile?> GetAsync(string seriesId, string userId, CancellationToken cancellationToken);

    /// <summary>Profiles whose login or name contains <paramref name="text"/> (case-insensitive), by peak desc.</summary>
    Task<IReadOnlyList<ChannelProfile>> SearchAsync(string seriesId, string text, int limit, CancellationToken cancellationToken);
}
