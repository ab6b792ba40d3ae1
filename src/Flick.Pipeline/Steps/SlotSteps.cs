using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;
using Flick.Core.Ports;
using Flick.Core.Semantics;
using Flick.Pipeline.Events;
using Flick.Pipeline.Gold;

namespace Flick.Pipeline.Steps;

/// <summary>
/// The three steps the state machine runs in parallel for every slot. Each reads the slot, computes
/// its figures with Flick.Core, and replaces what was stored for that slot — so a retry or a re-run
/// leaves exactly one copy of the values.
/// </summary>
public sealed class SlotSteps(
    SlotLoader loader,
    IViewerMetricsStore viewers,
    IRankingStore rankings,
    IChannelProfileStore profiles,
    IRunStore runs,
    GoldWriter gold,
    PipelineOptions options)
{
    public async Task<SlotStepResult> ViewersAsync(SlotTask task, CancellationToken ct)
    {
        var (series, slot) = Parse(task);
        var content = await loader.LoadAsync(series, slot, ct);
        var figures = SlotCalculator.Viewers(slot, content.Observations);
        await viewers.WriteSlotAsync(series.Value, figures, ct);
        await gold.WriteViewersAsync(series, figures, ct);
        await runs.MarkStepDoneAsync(task.RunId, slot, SlotStepNames.Viewers, ct);
        return new SlotStepResult(task.Slot, SlotStepNames.Viewers, figures.Totals.LiveChannels, figures.Totals.Viewers);
    }

    public async Task<SlotStepResult> ChannelAsync(SlotTask task, CancellationToken ct)
    {
        var (series, slot) = Parse(task);
        var content = await loader.LoadAsync(series, slot, ct);
        var updates = content.Observations.Select(o => ToProfile(slot, o)).ToList();
        await profiles.MergeAsync(series.Value, updates, ct);
        await gold.WriteObservationsAsync(series, slot, content.Observations, ct);
        await runs.MarkStepDoneAsync(task.RunId, slot, SlotStepNames.Channel, ct);
        return new SlotStepResult(task.Slot, SlotStepNames.Channel, updates.Count, content.Observations.Sum(o => (long)o.ViewerCount));
    }

    public async Task<SlotStepResult> RankingsAsync(SlotTask task, CancellationToken ct)
    {
        var (series, slot) = Parse(task);
        var content = await loader.LoadAsync(series, slot, ct);
        var ranked = SlotCalculator.Rankings(slot, content.Observations, options.TopN);
        await rankings.WriteSlotAsync(series.Value, ranked, ct);
        await gold.WriteRankingsAsync(series, ranked, ct);
        await runs.MarkStepDoneAsync(task.RunId, slot, SlotStepNames.Rankings, ct);
        return new SlotStepResult(task.Slot, SlotStepNames.Rankings, ranked.Channels.Count, ranked.Channels.Sum(c => (long)c.Viewers));
    }

    /// <summary>A profile seen once: this slot is its first, last and peak slot.</summary>
    public static ChannelProfile ToProfile(Slot slot, Observation o) => new()
    {
        UserId = o.UserId,
        UserLogin = o.UserLogin,
        UserName = o.UserName,
        Language = o.Language,
        Title = o.Title,
        GameId = o.GameId,
        GameName = o.GameName,
        StreamId = o.StreamId,
        StartedAt = o.StartedAt,
        LastAt = o.At,
        FirstSeen = slot,
        LastSeen = slot,
        PeakViewers = o.ViewerCount,
        PeakSlot = slot,
    };

    private static (SeriesId Series, Slot Slot) Parse(SlotTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!SeriesId.TryParse(task.SeriesId, out var series))
        {
            throw new ArgumentException(SeriesId.DescribeInvalid(task.SeriesId), nameof(task));
        }

        return Slot.TryParse(task.Slot, out var slot)
            ? (series, slot)
            : throw new ArgumentException($"'{task.Slot}' is not a slot (expected {Slot.Format})", nameof(task));
    }
}
