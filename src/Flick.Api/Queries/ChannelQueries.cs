using Flick.Api.Caching;
using Flick.Api.Contracts;
using Flick.Api.Http;
using Flick.Api.Input;
using Flick.Core.Domain.Metrics;
using Flick.Core.Ports;

namespace Flick.Api.Queries;

/// <summary>Channel search, profile with its window figures, and viewers over time.</summary>
public sealed class ChannelQueries(AnswerCache cache, SeriesClock seriesClock, IChannelProfileStore profiles, IViewerMetricsStore viewers)
{
    public async Task<Outcome<CachedAnswer>> SearchAsync(string? seriesId, string? q, string? limit, CancellationToken ct)
    {
        var errors = new InputErrors();
        var series = ApiInput.Series(seriesId, errors);
        var text = ApiInput.SearchText(q, errors);
        var max = ApiInput.Limit(limit, errors, 20);
        if (errors.Any)
        {
            return errors.ToError();
        }

        return await cache.GetOrCreateAsync(series, $"channels:search:{max}:{QueryKeys.Text(text)}", async c =>
        {
            var found = await profiles.SearchAsync(series, text, max, c);
            return Answers.Ok(new ChannelSearchResult(series, text, found.Select(Hit).ToList()), ApiJson.Default.ChannelSearchResult);
        }, ct);
    }

    public async Task<Outcome<CachedAnswer>> DetailAsync(string? seriesId, string? userId, string? from, string? to, CancellationToken ct)
    {
        var errors = new InputErrors();
        var series = ApiInput.Series(seriesId, errors);
        var user = ApiInput.Id("userId", userId, errors);
        var window = ApiInput.Window(from, to, errors);
        if (errors.Any)
        {
            return errors.ToError();
        }

        return await cache.GetOrCreateAsync(series, $"channel:{user}:{QueryKeys.Window(window)}", async c =>
        {
            var profile = await profiles.GetAsync(series, user, c);
            if (profile is null)
            {
                return Answers.Problem(ApiError.NotFound($"channel '{user}' has no profile in series '{series}'"));
            }

            var (f, t) = await seriesClock.ResolveAsync(series, window, InputRules.DefaultSeriesWindow, c);
            var rows = await viewers.ReadChannelAsync(series, user, f, t, c);
            var peak = rows.OrderByDescending(r => r.Viewers).ThenBy(r => r.Slot).FirstOrDefault();
            var minutes = rows.Select(r => r.Slot).Distinct().Count();
            var viewerMinutes = rows.Sum(r => (long)r.Viewers);
            var summary = new ChannelWindowSummary(f.Start, t.Start, viewerMinutes, viewerMinutes / Core.Domain.MetricConstants.MinutesPerHour, minutes,
                minutes == 0 ? 0 : (double)viewerMinutes / minutes, peak?.Viewers ?? 0, peak?.Slot.Start);
            return Answers.Ok(new ChannelDetail(series, Profile(profile), summary), ApiJson.Default.ChannelDetail);
        }, ct);
    }

    public async Task<Outcome<CachedAnswer>> ViewersAsync(string? seriesId, string? userId, string? from, string? to, string? step, CancellationToken ct)
    {
        var errors = new InputErrors();
        var series = ApiInput.Series(seriesId, errors);
        var user = ApiInput.Id("userId", userId, errors);
        var window = ApiInput.Window(from, to, errors);
        var size = StepRules.Check(window, ApiInput.Step(step, errors), errors);
        if (errors.Any)
        {
            return errors.ToError();
        }

        return await cache.GetOrCreateAsync(series, $"channel-viewers:{user}:{QueryKeys.Window(window)}:{step ?? "auto"}", async c =>
        {
            var (f, t) = await seriesClock.ResolveAsync(series, window, InputRules.DefaultSeriesWindow, c);
            var chosen = size ?? StepSize.Fitting(t.UnixMinute - f.UnixMinute, InputRules.MaxPoints);
            var rows = await viewers.ReadChannelAsync(series, user, f, t, c);
            return Answers.Ok(new ChannelViewerSeries(series, user, f.Start, t.Start, chosen.Name, StepSeries.Channel(rows, chosen)), ApiJson.Default.ChannelViewerSeries);
        }, ct);
    }

    private static ChannelHit Hit(ChannelProfile p) =>
        new(p.UserId, p.UserLogin, p.UserName, p.GameId, p.GameName, p.Language, p.PeakViewers, p.PeakSlot.Start, p.FirstSeen.Start, p.LastSeen.Start);

    private static ChannelProfileView Profile(ChannelProfile p) =>
        new(p.UserId, p.UserLogin, p.UserName, p.Language, p.Title, p.GameId, p.GameName, p.StreamId, p.StartedAt,
            p.FirstSeen.Start, p.LastSeen.Start, p.PeakViewers, p.PeakSlot.Start);
}
