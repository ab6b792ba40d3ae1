using Flick.Api.Caching;
using Flick.Api.Contracts;
using Flick.Api.Http;
using Flick.Api.Input;
using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;
using Flick.Core.Ports;

namespace Flick.Api.Queries;

/// <summary>
/// Channel and game rankings: for a minute, as stored per slot (with the place the minute before);
/// for a window, by viewer-minutes with peak, average and minutes, and the rank change against the
/// previous window of the same length (positive when an entry moved up).
/// </summary>
public sealed class RankingQueries(AnswerCache cache, SeriesClock seriesClock, IRankingStore rankings, IChannelProfileStore profiles, WindowCalculator windows)
{
    private delegate Task<CachedAnswer> Compute(string series, Slot from, Slot to, int limit, CancellationToken ct);

    public Task<Outcome<CachedAnswer>> MinuteChannelsAsync(string? seriesId, string? at, string? limit, CancellationToken ct) =>
        MinuteAsync(seriesId, at, limit, "channels", (series, slot, current, previous, max) =>
        {
            var before = previous?.Channels.ToDictionary(c => c.UserId, c => c.Rank, StringComparer.Ordinal) ?? [];
            var entries = current.Channels.Take(max).Select(c =>
            {
                int? prior = before.TryGetValue(c.UserId, out var p) ? p : null;
                return new MinuteChannelEntry(c.Rank, prior, prior - c.Rank, c.UserId, c.UserLogin, c.UserName, c.GameId, c.GameName, c.Viewers);
            }).ToList();
            return Answers.Ok(new MinuteChannelRanking(series, slot.Start, entries), ApiJson.Default.MinuteChannelRanking);
        }, ct);

    public Task<Outcome<CachedAnswer>> MinuteGamesAsync(string? seriesId, string? at, string? limit, CancellationToken ct) =>
        MinuteAsync(seriesId, at, limit, "games", (series, slot, current, previous, max) =>
        {
            var before = previous?.Games.ToDictionary(g => g.GameId, g => g.Rank, StringComparer.Ordinal) ?? [];
            var entries = current.Games.Take(max).Select(g =>
            {
                int? prior = before.TryGetValue(g.GameId, out var p) ? p : null;
                return new MinuteGameEntry(g.Rank, prior, prior - g.Rank, g.GameId, g.GameName, g.Viewers, g.Channels);
            }).ToList();
            return Answers.Ok(new MinuteGameRanking(series, slot.Start, entries), ApiJson.Default.MinuteGameRanking);
        }, ct);

    public Task<Outcome<CachedAnswer>> WindowChannelsAsync(string? seriesId, string? from, string? to, string? limit, CancellationToken ct) =>
        WindowAsync(seriesId, from, to, limit, "channels", async (series, f, t, max, c) =>
        {
            var (current, previous) = await BothAsync(series, f, t, c);
            var before = Ranks(previous.Channels);
            var entries = new List<ChannelWindowEntry>();
            foreach (var (figures, index) in current.Channels.Take(max).Select((x, i) => (x, i)))
            {
                var profile = await profiles.GetAsync(series, figures.Id, c);
                int? prior = before.TryGetValue(figures.Id, out var p) ? p : null;
                entries.Add(new ChannelWindowEntry(index + 1, prior, prior - (index + 1), figures.Id, profile?.UserLogin ?? string.Empty,
                    profile?.UserName ?? string.Empty, figures.ViewerMinutes, figures.HoursWatched, figures.PeakViewers, figures.PeakSlot.Start,
                    figures.AverageViewers, figures.Minutes, figures.StreamCount));
            }

            return Answers.Ok(new ChannelWindowRanking(series, f.Start, t.Start, Total(current), entries), ApiJson.Default.ChannelWindowRanking);
        }, ct);

    public Task<Outcome<CachedAnswer>> WindowGamesAsync(string? seriesId, string? from, string? to, string? limit, CancellationToken ct) =>
        WindowAsync(seriesId, from, to, limit, "games", async (series, f, t, max, c) =>
        {
            var (current, previous) = await BothAsync(series, f, t, c);
            var before = Ranks(previous.Games);
            var entries = current.Games.Take(max).Select((g, i) =>
            {
                int? prior = before.TryGetValue(g.Id, out var p) ? p : null;
                return new GameWindowEntry(i + 1, prior, prior - (i + 1), g.Id, g.Name, g.ViewerMinutes, g.HoursWatched, g.PeakViewers,
                    g.PeakSlot.Start, g.AverageViewers, g.Minutes, g.StreamCount);
            }).ToList();
            return Answers.Ok(new GameWindowRanking(series, f.Start, t.Start, Total(current), entries), ApiJson.Default.GameWindowRanking);
        }, ct);

    private async Task<Outcome<CachedAnswer>> MinuteAsync(string? seriesId, string? at, string? limit, string kind,
        Func<string, Slot, SlotRankings, SlotRankings?, int, CachedAnswer> shape, CancellationToken ct)
    {
        var errors = new InputErrors();
        var series = ApiInput.Series(seriesId, errors);
        var minute = ApiInput.Minute("at", at, errors);
        var max = ApiInput.Limit(limit, errors);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var key = minute is { } m ? m.UnixMinute.ToString(System.Globalization.CultureInfo.InvariantCulture) : "latest";
        return await cache.GetOrCreateAsync(series, $"rankings:minute:{kind}:{key}:{max}", async c =>
        {
            var slot = minute ?? (await seriesClock.LatestEndAsync(series, c)).AddMinutes(-1);
            var current = await rankings.ReadSlotAsync(series, slot, c);
            if (current is null)
            {
                return Answers.Problem(ApiError.NotFound($"series '{series}' has no ranking for {slot}"));
            }

            return shape(series, slot, current, await rankings.ReadSlotAsync(series, slot.AddMinutes(-1), c), max);
        }, ct);
    }

    private async Task<Outcome<CachedAnswer>> WindowAsync(string? seriesId, string? from, string? to, string? limit, string kind, Compute compute, CancellationToken ct)
    {
        var errors = new InputErrors();
        var series = ApiInput.Series(seriesId, errors);
        var window = ApiInput.Window(from, to, errors);
        var max = ApiInput.Limit(limit, errors);
        if (errors.Any)
        {
            return errors.ToError();
        }

        return await cache.GetOrCreateAsync(series, $"rankings:window:{kind}:{QueryKeys.Window(window)}:{max}", async c =>
        {
            var (f, t) = await seriesClock.ResolveAsync(series, window, InputRules.DefaultRankingWindow, c);
            return await compute(series, f, t, max, c);
        }, ct);
    }

    private async Task<(WindowMetrics Current, WindowMetrics Previous)> BothAsync(string series, Slot from, Slot to, CancellationToken ct)
    {
        var (pf, pt) = WindowCalculator.Previous(from, to);
        return (await windows.ComputeAsync(series, from, to, ct), await windows.ComputeAsync(series, pf, pt, ct));
    }

    private static Dictionary<string, int> Ranks(IReadOnlyList<WindowFigures> ranked) =>
        ranked.Select((f, i) => (f.Id, Rank: i + 1)).ToDictionary(x => x.Id, x => x.Rank, StringComparer.Ordinal);

    private static WindowTotal Total(WindowMetrics m) =>
        new(m.Total.ViewerMinutes, m.Total.HoursWatched, m.Total.PeakViewers, m.SampledMinutes == 0 ? null : m.Total.PeakSlot.Start,
            m.Total.AverageViewers, m.SampledMinutes, m.Total.StreamCount);
}
