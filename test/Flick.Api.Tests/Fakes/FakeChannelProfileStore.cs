using System.Collections.Concurrent;
using Flick.Core.Domain.Metrics;
using Flick.Core.Ports;

namespace Flick.Api.Tests.Fakes;

public sealed class FakeChannelProfileStore : IChannelProfileStore
{
    public ConcurrentDictionary<string, ChannelProfile> Profiles { get; } = new(StringComparer.Ordinal);

    public Task MergeAsync(string seriesId, IReadOnlyList<ChannelProfile> updates, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ChannelProfile?> GetAsync(string seriesId, string userId, CancellationToken cancellationToken) =>
        Task.FromResult(Profiles.GetValueOrDefault(userId));

    public Task<IReadOnlyList<ChannelProfile>> SearchAsync(string seriesId, string text, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChannelProfile>>(Profiles.Values
            .Where(p => p.UserLogin.Contains(text, StringComparison.OrdinalIgnoreCase) || p.UserName.Contains(text, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.PeakViewers).ThenBy(p => p.UserId, StringComparer.Ordinal).Take(limit).ToList());
}
