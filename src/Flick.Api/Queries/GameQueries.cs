using Flick.Api.Caching;
using Flick.Api.Contracts;
using Flick.Api.Http;
using Flick.Api.Input;
using Flick.Core.Domain;
using Flick.Core.Ports;

namespace Flick.Api.Queries;

/// <summary>Game search over a window, and a game's viewers and channels over time.</summary>
public sealed class GameQueries(AnswerCache cache, SeriesClock seriesClock, IViewerMetricsStore viewers)
{
    public async Task<Outcome<CachedAnswer>> SearchAsync(string? seriesId, string? q, string? from, string? to, string? limit, CancellationToken ct)
    {
        var errors = new InputErrors();
        var series = ApiInput.Series(seriesId, errors);
        var text = ApiInput.SearchText(q, errors);
        var window = ApiInput.Window(from, to, errors);
        var max = ApiInput.Limit(limit, errors, 20);
        if (errors.Any)
        {
            return errors.ToError();
        }

        return await cache.GetOrCreateAsync(series, $"games:search:{max}:{QueryKeys.Window(window)}:{QueryKeys.Text(text)}", async c =>
        {
            var (f, t) = await seriesClock.ResolveAsync(series, window, InputRules.DefaultSeriesWindow, c);
            var rows = await viewers.ReadGamesAsync(series, f, t, c);
            var hits = rows
                .GroupBy(r => r.GameId, StringComparer.Ordinal)
                .Select(g =>
                {
                    var name = g.MaxBy(r => r.Slot)!.GameName;
                    var peak = g.OrderByDescending(r => r.Viewers).ThenBy(r => r.Slot).First();
                    var viewerMinutes = g.Sum(r => r.Viewers);
                    return new GameHit(g.Key, name, viewerMinutes, viewerMinutes / MetricConstants.MinutesPerHour, peak.Viewers, peak.Slot.Start);
                })
                .Where(h => h.GameId.Contains(text, StringComparison.OrdinalIgnoreCase) || h.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(h => h.ViewerMinutes)
                .ThenBy(h => h.GameId, StringComparer.Ordinal)
                .Take(max)
                .ToList();
            return Answers.Ok(new GameSearchResult(series, text, f.Start, t.Start, hits), ApiJson.Default.GameSearchResult);
        }, ct);
    }

    public async Task<Outcome<CachedAnswer>> ViewersAsync(string? seriesId, string? gameId, string? from, string? to, string? step, CancellationToken ct)
    {
        var errors = new InputErrors();
        var series = ApiInput.Series(seriesId, errors);
        var game = ApiInput.Id("gameId", gameId, errors);
        var window = ApiInput.Window(from, to, errors);
        var size = StepRules.Check(window, ApiInput.Step(step, errors), errors);
        if (errors.Any)
        {
            return errors.ToError();
        }

        return await cache.GetOrCreateAsync(series, $"game-viewers:{game}:{QueryKeys.Window(window)}:{step ?? "auto"}", async c =>
        {
            var (f, t) = await seriesClock.ResolveAsync(series, window, InputRules.DefaultSeriesWindow, c);
            var chosen = size ?? StepSize.Fitting(t.UnixMinute - f.UnixMinute, InputRules.MaxPoints);
            var rows = await viewers.ReadGameAsync(series, game, f, t, c);
            if (rows.Count == 0)
            {
                return Answers.Problem(ApiError.NotFound($"game '{game}' has no viewers in series '{series}' from {f} to {t}"));
            }

            var sampled = await viewers.ReadTotalsAsync(series, f, t, c);
            var name = rows.OrderByDescending(r => r.Slot).First().GameName;
            return Answers.Ok(new GameViewerSeries(series, game, name, f.Start, t.Start, chosen.Name, StepSeries.Game(rows, sampled, chosen)),
                ApiJson.Default.GameViewerSeries);
        }, ct);
    }
}
