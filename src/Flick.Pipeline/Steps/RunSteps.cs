using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;
using Flick.Core.Domain.Runs;
using Flick.Core.Ports;
using Flick.Core.Semantics;
using Flick.Pipeline.Events;
using Flick.Pipeline.Gold;
using Flick.Pipeline.Layout;
using Microsoft.Extensions.Logging;

namespace Flick.Pipeline.Steps;

/// <summary>The run-level steps: Prepare (before the Map), Finalize and the failure handler (after it).</summary>
public sealed class RunSteps(
    IRunStore runs,
    IViewerMetricsStore viewers,
    IWindowRollupStore rollups,
    GoldWriter gold,
    TimeProvider clock,
    ILogger<RunSteps> logger)
{
    /// <summary>Parts an hour's rows are read in at once (see <see cref="ReadHourAsync"/>).</summary>
    public const int HourReadParts = 2;

    /// <summary>
    /// Minutes after an hour in which any sample closes it when its last minute never came, and
    /// minutes before a run in which it looks for such an hour (a day).
    /// </summary>
    public const int ClosingHorizon = 24 * 60;

    /// <summary>
    /// How far past an hour's end a sample must be to close the hour without its last minute. Runs
    /// of neighbouring minutes finish a few places out of order (two pulls are ingested and two runs
    /// executed at once), so a sample just after the hour does not yet say that its last minute is
    /// missing rather than still on its way: rolling up then would be done again when it arrives.
    /// </summary>
    public const int ClosingDelay = 10;

    /// <summary>Validates the run manifest, records the run as running and returns the state the execution carries.</summary>
    public async Task<PreparedRun> PrepareAsync(RunManifest manifest, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (string.IsNullOrWhiteSpace(manifest.RunId))
        {
            throw new ArgumentException("run manifest has no runId", nameof(manifest));
        }

        var series = SeriesId.TryParse(manifest.SeriesId, out var s) ? s : throw new ArgumentException(SeriesId.DescribeInvalid(manifest.SeriesId), nameof(manifest));
        var slots = manifest.Slots
            .Select(text => Slot.TryParse(text, out var slot) ? slot : throw new ArgumentException($"run manifest slot '{text}' is not a slot", nameof(manifest)))
            .Distinct()
            .Order()
            .ToList();
        if (slots.Count == 0)
        {
            throw new ArgumentException("run manifest has no slots", nameof(manifest));
        }

        var existing = await runs.GetAsync(manifest.RunId, ct);
        var now = clock.GetUtcNow();
        await runs.PutAsync(new RunRecord
        {
            RunId = manifest.RunId,
            SeriesId = series.Value,
            Status = RunStatus.Running,
            From = slots[0],
            To = slots[^1].AddMinutes(1),
            Slots = slots.Count,
            Observations = manifest.Observations,
            Rejected = manifest.Rejected,
            Reason = manifest.Reason,
            CreatedAt = existing?.CreatedAt ?? manifest.CreatedAt,
            StartedAt = now,
        }, ct);

        return new PreparedRun(manifest.RunId, series.Value, slots[0].ToString(), slots[^1].AddMinutes(1).ToString(),
            slots.Select(x => x.ToString()).ToList(), manifest.Observations, manifest.Rejected, manifest.Reason, manifest.Notify);
    }

    /// <summary>
    /// Recomputes the window roll-ups of every UTC hour the run touched from the stored per-slot
    /// rows (so runs that share an hour all contribute), records the run as succeeded, and
    /// returns the "SeriesReady" detail.
    /// <para>
    /// Re-reading an hour for every one-minute run would make an hour of runs quadratic. So an hour
    /// is rolled up only once it is closed, and only by the run that wrote last in it: any run that
    /// wrote earlier leaves the hour to the later writer, whose Finalize comes after its own writes
    /// and so sees everything before them. Until it is rolled up, an hour is read from the per-slot
    /// rows.
    /// </para>
    /// <para>
    /// An hour is closed once its last minute is stored, or once any minute from
    /// <see cref="ClosingDelay"/> to <see cref="ClosingHorizon"/> after its end is: a source that
    /// missed the hour's last minute has moved on. For the second case a run also looks back (see
    /// <see cref="RollUpUnclosedBeforeAsync"/>), so whichever of the hour's last writer and the
    /// closing minute finalizes last sees the other's rows.
    /// </para>
    /// </summary>
    public async Task<SeriesNotification> FinalizeAsync(PreparedRun run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        var series = SeriesId.Parse(run.SeriesId);
        var slots = run.Slots.Select(Slot.Parse).ToHashSet();
        var hours = slots.Select(HourOf).Distinct().Order().ToList();
        long observations = 0;
        foreach (var hour in hours)
        {
            var end = hour.AddMinutes(60);
            var version = await viewers.ReadVersionAsync(series.Value, hour, end, ct);
            var totals = await viewers.ReadTotalsAsync(series.Value, hour, end, ct);
            observations += totals.Where(t => slots.Contains(t.Slot)).Sum(t => (long)t.LiveChannels);
            var ownVersion = 0L;
            foreach (var slot in slots.Where(s => HourOf(s) == hour))
            {
                ownVersion = Math.Max(ownVersion, await viewers.ReadVersionAsync(series.Value, slot, slot.AddMinutes(1), ct));
            }

            if (version > ownVersion)
            {
                logger.LogDebug("Run {RunId}: hour {Hour} is left to a later writer", run.RunId, hour);
                continue;   // a later writer in this hour rolls it up after us
            }

            if (!totals.Any(t => t.Slot == end.AddMinutes(-1))
                && (await viewers.ReadTotalsAsync(series.Value, end.AddMinutes(ClosingDelay), end.AddMinutes(ClosingHorizon), ct)).Count == 0)
            {
                continue;   // the hour is still open: the last writer after it closes rolls it up
            }

            await RollUpAsync(run.RunId, series, hour, totals, version, ct);
        }

        await RollUpUnclosedBeforeAsync(run.RunId, series, slots.Min(), ct);

        var existing = await runs.GetAsync(run.RunId, ct);
        var now = clock.GetUtcNow();
        await runs.PutAsync(new RunRecord
        {
            RunId = run.RunId,
            SeriesId = series.Value,
            Status = RunStatus.Succeeded,
            From = Slot.Parse(run.From),
            To = Slot.Parse(run.To),
            Slots = slots.Count,
            Observations = observations,
            Rejected = run.Rejected,
            Reason = run.Reason,
            CreatedAt = existing?.CreatedAt ?? now,
            StartedAt = existing?.StartedAt ?? now,
            FinishedAt = now,
        }, ct);

        return new SeriesNotification(series.Value, run.RunId, run.From, run.To, slots.Count, observations, run.Rejected, "succeeded",
            [GoldTables.ChannelViewers, GoldTables.GameViewers, GoldTables.SlotTotals, GoldTables.ChannelRankings, GoldTables.GameRankings,
             GoldTables.ChannelObservations, GoldTables.ChannelWindows, GoldTables.GameWindows]);
    }

    private async Task RollUpAsync(string runId, SeriesId series, Slot hour, IReadOnlyList<SlotTotals> totals, long version, CancellationToken ct)
    {
        var end = hour.AddMinutes(60);
        var window = await ReadHourAsync(series, hour, end, ct);
        foreach (var t in totals)
        {
            window.AddSampled(t.Slot);
        }

        foreach (var game in await viewers.ReadGamesAsync(series.Value, hour, end, ct))
        {
            window.AddGameName(game.GameId, game.GameName);
        }

        var metrics = window.Build();
        logger.LogInformation("Run {RunId}: rolled up hour {Hour} at data version {Version}", runId, hour, version);
        if (await rollups.WriteAsync(series.Value, metrics, version, ct))
        {
            await WriteWindowParquetAsync(series, new VersionedWindow(metrics, version), ct);
        }
    }

    /// <summary>
    /// Rolls up the last sampled hour within <see cref="ClosingHorizon"/> before the hour of
    /// <paramref name="first"/>, the run's first minute, when it ended without its last minute, the
    /// run's minute closes it (at least <see cref="ClosingDelay"/> after its end) and its roll-up is
    /// missing or older than its rows.
    /// </summary>
    private async Task RollUpUnclosedBeforeAsync(string runId, SeriesId series, Slot first, CancellationToken ct)
    {
        var hour = HourOf(first);
        // The hour just before first: it is nearly always the one sampled last.
        var before = await viewers.ReadTotalsAsync(series.Value, hour.AddMinutes(-60), hour, ct);
        if (before.Count == 0)
        {
            before = await viewers.ReadTotalsAsync(series.Value, hour.AddMinutes(-ClosingHorizon), hour.AddMinutes(-60), ct);
        }

        if (before.Count == 0 || before[^1].Slot.UnixMinute % 60 == 59)
        {
            return;   // nothing sampled, or the hour was closed by its last minute: its last writer rolled it up
        }

        var previous = HourOf(before[^1].Slot);
        var end = previous.AddMinutes(60);
        if (first < end.AddMinutes(ClosingDelay))
        {
            return;   // too soon to tell a missing last minute from one still on its way
        }

        var version = await viewers.ReadVersionAsync(series.Value, previous, end, ct);
        var rolled = await rollups.ReadVersionedAsync(series.Value, previous.Start, end.Start, ct);
        if (rolled is not null && rolled.DataVersion >= version)
        {
            return;
        }

        await RollUpAsync(runId, series, previous, before.Where(t => t.Slot >= previous).ToList(), version, ct);
    }

    /// <summary>
    /// The hour's channel rows, read in <see cref="HourReadParts"/> runs of minutes side by side and
    /// merged: reading and decoding the rows is most of a roll-up's work, and the last run's roll-up
    /// is all that is left to do at the end of a backfill.
    /// </summary>
    private async Task<WindowAccumulator> ReadHourAsync(SeriesId series, Slot hour, Slot end, CancellationToken ct)
    {
        var minutes = (int)(end.UnixMinute - hour.UnixMinute);
        var parts = await Task.WhenAll(Enumerable.Range(0, HourReadParts).Select(part => Task.Run(async () =>
        {
            var window = new WindowAccumulator(hour, end);
            var from = hour.AddMinutes(minutes * part / HourReadParts);
            var to = hour.AddMinutes(minutes * (part + 1) / HourReadParts);
            await foreach (var row in viewers.ReadChannelSlotsAsync(series.Value, from, to, ct))
            {
                window.Add(row);
            }

            return window;
        }, ct)));

        foreach (var part in parts.Skip(1))
        {
            parts[0].Merge(part);
        }

        return parts[0];
    }

    /// <summary>Records the run as failed with the caught error and returns the "SeriesFailed" detail.</summary>
    public async Task<SeriesNotification> FailAsync(FailedRun failed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(failed);
        var error = failed.Error is null ? "unknown error" : $"{failed.Error.Error}: {failed.Error.Cause}";
        var runId = failed.RunId ?? "unknown";
        var existing = await runs.GetAsync(runId, ct);
        var now = clock.GetUtcNow();
        if (failed.SeriesId is not null && SeriesId.IsValid(failed.SeriesId))
        {
            await runs.PutAsync((existing ?? new RunRecord { RunId = runId, SeriesId = failed.SeriesId, CreatedAt = now }) with
            {
                Status = RunStatus.Failed,
                FinishedAt = now,
                Error = error,
            }, ct);
        }

        return new SeriesNotification(failed.SeriesId ?? string.Empty, runId, existing?.From.ToString(), existing?.To.ToString(),
            failed.Slots?.Count ?? 0, failed.Observations, failed.Rejected, "failed", [], error);
    }

    /// <summary>
    /// Two runs may store roll-ups of one hour in one order and write their Parquet files in the
    /// other. So after writing, a run checks that the table still holds what it wrote, and if a
    /// newer roll-up arrived meanwhile, writes that one's file: the last file written is the newest.
    /// </summary>
    private async Task WriteWindowParquetAsync(SeriesId series, VersionedWindow written, CancellationToken ct)
    {
        while (true)
        {
            await gold.WriteWindowAsync(series, written.Window, ct);
            var stored = await rollups.ReadVersionedAsync(series.Value, written.Window.From, written.Window.To, ct);
            if (stored is null || stored.DataVersion == written.DataVersion)
            {
                return;
            }

            written = stored;
        }
    }

    private static Slot HourOf(Slot slot) => Slot.FromUnixMinute(slot.UnixMinute - (slot.UnixMinute % 60));
}
