using System.Diagnostics;
using System.Text.Json;
using Flick.Core.Domain;
using Flick.Core.Domain.Pulls;
using Flick.Core.Domain.Runs;
using Flick.Core.Ports;
using Flick.Local.Data;
using Flick.Local.Messaging;
using Flick.Local.Scheduling;
using Flick.Local.StateMachine;
using Flick.Pipeline;
using Flick.Pipeline.Events;
using Flick.Pipeline.Functions;
using Flick.Pipeline.Steps;
using Microsoft.Extensions.Logging;

namespace Flick.Local.Runtime;

/// <summary>
/// Runs the flow on one machine: wires the bus rules (raw objects → ingest queue, run manifests →
/// runs queue, notifications → log), consumes the queues with the pipeline's functions exactly as
/// SQS event source mappings would, enqueues the backfill's pull requests (or imports a folder of
/// raw objects in their place), and — unless in
/// <c>--once</c> mode — pulls every minute on a <c>rate(1 minute)</c> schedule.
/// </summary>
public sealed class LocalRuntime(
    LocalOptions local,
    PipelineOptions pipeline,
    SqliteDatabase database,
    SqliteMessageQueue queue,
    LocalEventBus bus,
    LocalStateMachineExecutor executor,
    FunctionRegistry functions,
    IPullLog pulls,
    IRunStore runs,
    IViewerMetricsStore viewers,
    RawImport import,
    SlotLoader loader,
    TimeProvider clock,
    ILogger<LocalRuntime> logger)
{
    /// <summary>Offered slots waiting for their steps beyond which the ingest waits (see <see cref="AdmitIngestAsync"/>).</summary>
    public const int SlotsAhead = SlotLoader.CachedSlots / 2;

    /// <summary>The interval of the idle checks that end a backfill (see <see cref="WaitUntilIdleAsync"/>).</summary>
    private static readonly TimeSpan IdleCheck = TimeSpan.FromMilliseconds(50);

    private int _notifications;
    private bool _initialized;
    private Action<string>? _live;

    public int Notifications => Volatile.Read(ref _notifications);

    /// <summary>
    /// Runs the backfill and, unless <c>--once</c>, keeps pulling every minute until cancelled.
    /// <paramref name="backfilled"/> gets the backfill's summary as soon as it is done.
    /// </summary>
    public async Task<RunSummary> RunAsync(Action<string>? progress, CancellationToken ct, Action<RunSummary>? backfilled = null)
    {
        var stopwatch = Stopwatch.StartNew();
        await InitializeAsync(ct);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var consumers = StartConsumers(stop.Token);
        await executor.ResumeAsync(ct);

        var source = pipeline.Sources[0];
        var end = Slot.Of(local.End ?? clock.GetUtcNow());
        var from = end.AddMinutes(-local.Minutes);
        if (local.Import is { } folder)
        {
            // The imported pulls take the place of the backfill: the summary covers their minutes.
            var imported = await import.ImportAsync(folder, ct);
            (from, end) = (imported.From, imported.End);
            progress?.Invoke($"Imported {imported.Objects:N0} raw objects ({imported.Bytes / 1e6:N1} MB) of {imported.Pulls:N0} pulls, {from} to {end}");
        }
        else
        {
            var requested = source.AllowTimeTravel ? await EnqueueBackfillAsync(source.Name, from, end, ct) : 0;
            logger.LogInformation("Backfill of {Minutes} minutes ({From} to {To}): {Requested} pulls requested", local.Minutes, from, end, requested);
        }

        await WaitUntilIdleAsync(source.SeriesId, from, end, progress, ct);
        var summary = await SummarizeAsync(source.Name, source.SeriesId, from, end, stopwatch.Elapsed, ct);
        backfilled?.Invoke(summary);

        if (!local.Once)
        {
            progress?.Invoke("Pulling every minute; Ctrl+C to stop.");
            _live = progress;
            // The current minute now, then every minute on the schedule: no gap after the backfill.
            await EnqueuePullAsync(source.Name, clock.GetUtcNow(), "schedule", ct);
            var scheduler = new Scheduler(clock);
            scheduler.Add("pull-" + source.Name, "rate(1 minute)", (at, token) => EnqueuePullAsync(source.Name, at, "schedule", token));
            try
            {
                await scheduler.RunAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
            }
        }

        await stop.CancelAsync();
        await Task.WhenAll(consumers.Select(async c =>
        {
            try
            {
                await c;
            }
            catch (OperationCanceledException)
            {
            }
        }));
        return summary;
    }

    /// <summary>
    /// Opens the tables, queues and executions and wires the bus rules; <see cref="RunAsync"/> calls it,
    /// and a host that serves the tables before the run starts (the API) calls it first.
    /// </summary>
    public async Task InitializeAsync(CancellationToken ct)
    {
        if (_initialized)
        {
            return;
        }

        Directory.CreateDirectory(local.DataDirectory);
        await database.InitializeAsync(ct);
        await queue.InitializeAsync(ct);
        var released = await queue.ReleaseInFlightAsync(ct);
        if (released > 0)
        {
            logger.LogInformation("Released {Count} messages left in flight by a previous run", released);
        }

        AddRules();
        await executor.InitializeAsync(ct);
        _initialized = true;
    }

    private void AddRules()
    {
        bus.AddQueueRule("raw-object-created",
            """{"source":["aws.s3"],"detail-type":["Object Created"],"detail":{"bucket":{"name":["BUCKET"]},"object":{"key":[{"suffix":"/manifest.json"},{"prefix":"uploads/"}]}}}""".Replace("BUCKET", pipeline.Buckets.Raw, StringComparison.Ordinal),
            queue, Queues.Ingest);
        bus.AddQueueRule("run-manifest-created",
            """{"source":["aws.s3"],"detail-type":["Object Created"],"detail":{"bucket":{"name":["BUCKET"]},"object":{"key":[{"prefix":"manifests/"}]}}}""".Replace("BUCKET", pipeline.Buckets.Series, StringComparison.Ordinal),
            queue, Queues.Runs);
        bus.AddRule("series-notifications", """{"source":["flick.pipeline"],"detail-type":["SeriesReady","SeriesFailed"]}""", (envelope, _) =>
        {
            Interlocked.Increment(ref _notifications);
            logger.LogDebug("Notification: {Envelope}", envelope);
            _live?.Invoke(DescribeNotification(envelope));
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// The queue consumers. The ingest one takes a raw object at a time, and only when it may (see
    /// <see cref="AdmitIngestAsync"/>).
    /// </summary>
    private List<Task> StartConsumers(CancellationToken ct)
    {
        QueuePoller Poller(string name, string function, int concurrency, int batchSize = SqliteMessageQueue.MaxBatchSize, Func<CancellationToken, Task>? admission = null) =>
            new(queue, new QueuePollerOptions(name) { Concurrency = concurrency, BatchSize = batchSize, VisibilityTimeout = TimeSpan.FromMinutes(5), Admission = admission },
                functions.Get(function).InvokeAsync);

        return
        [
            Poller(Queues.PullRequests, FunctionNames.Puller, 4).RunAsync(ct),
            Poller(Queues.Ingest, FunctionNames.BackgroundStarter, 2, batchSize: 1, admission: AdmitIngestAsync).RunAsync(ct),
            Poller(Queues.Runs, FunctionNames.SeriesStarter, 1).RunAsync(ct),
        ];
    }

    /// <summary>
    /// Lets the ingest take its next raw object unless <see cref="SlotsAhead"/> slots it handed to the
    /// steps are still unread while runs are pending. On one machine an ingest that ran a backfill's
    /// minutes ahead of their runs would gain nothing (both share the same cores), and the parsed
    /// slots it hands over would leave the loader's few places before their steps asked for them, so
    /// that every step would read its slot back from silver. With no run pending, an unread slot is
    /// one no step will ask for soon (a raw object delivered again, whose runs exist already), and
    /// the ingest goes on.
    /// </summary>
    private async Task AdmitIngestAsync(CancellationToken ct)
    {
        while (loader.Waiting >= SlotsAhead && executor.Pending > 0)
        {
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(ct);
            await Task.WhenAny(loader.WaitForRoomAsync(SlotsAhead, wake.Token), executor.WaitForAnEndAsync(wake.Token));
            await wake.CancelAsync();
            ct.ThrowIfCancellationRequested();
        }
    }

    private async Task<int> EnqueueBackfillAsync(string source, Slot from, Slot end, CancellationToken ct)
    {
        var requested = 0;
        for (var slot = from; slot < end; slot = slot.AddMinutes(1))
        {
            var previous = await pulls.GetAsync(Pipeline.Layout.StorageLayout.PullId(source, slot.Start), ct);
            if (previous is { Status: PullStatus.Succeeded })
            {
                continue;   // resumed: this minute is in bronze already
            }

            await EnqueuePullAsync(source, slot.Start, "backfill", ct);
            requested++;
        }

        return requested;
    }

    private Task<string> EnqueuePullAsync(string source, DateTimeOffset at, string reason, CancellationToken ct) =>
        queue.SendAsync(Queues.PullRequests, JsonSerializer.Serialize(new PullRequest(source, Slot.Of(at).Start, reason), PipelineJson.Default.PullRequest), ct);

    /// <summary>
    /// Waits until no message is queued or in flight and no execution runs, seen twice in a row
    /// <see cref="IdleCheck"/> apart. Work never sits between two places: an object's event is in its
    /// queue before the put returns, and an execution is recorded before the message that started it
    /// is deleted. So one idle look would do; the second is a margin, and the short interval keeps
    /// the end of a <c>--once</c> run (and its elapsed time) close to its last step.
    /// </summary>
    private async Task WaitUntilIdleAsync(string series, Slot from, Slot end, Action<string>? progress, CancellationToken ct)
    {
        var idleChecks = 0;
        var lastReport = TimeSpan.Zero;
        var watch = Stopwatch.StartNew();
        while (idleChecks < 2)
        {
            await Task.Delay(IdleCheck, ct);
            var idle = await queue.IsDrainedAsync(ct) && (await executor.ListExecutionsAsync(ExecutionStatus.Running, ct)).Count == 0;
            idleChecks = idle ? idleChecks + 1 : 0;
            if (progress is not null && watch.Elapsed - lastReport > TimeSpan.FromSeconds(1))
            {
                lastReport = watch.Elapsed;
                progress(await DescribeProgressAsync(series, from, end, ct));
            }
        }
    }

    private async Task<string> DescribeProgressAsync(string series, Slot from, Slot end, CancellationToken ct)
    {
        var totals = await viewers.ReadTotalsAsync(series, from, end, ct);
        var recent = await runs.ListAsync(series, 100_000, ct);
        var pending = await queue.CountAsync(Queues.PullRequests, ct);
        return $"pulls waiting {pending.Visible + pending.InFlight,5} · slots {totals.Count,5}/{end.UnixMinute - from.UnixMinute} · observations {totals.Sum(t => (long)t.LiveChannels),10:N0} · runs done {recent.Count(r => r.Status is RunStatus.Succeeded or RunStatus.Failed),5}/{recent.Count}";
    }

    private static string DescribeNotification(string envelope)
    {
        using var json = JsonDocument.Parse(envelope);
        var detail = json.RootElement.GetProperty("detail");
        string Text(string name) => detail.TryGetProperty(name, out var value) ? value.ToString() : "?";
        return $"{json.RootElement.GetProperty("detail-type").GetString()} {Text("runId")}: {Text("slots")} slot(s), {Text("observations")} observations, {Text("rejected")} rejected";
    }

    private async Task<RunSummary> SummarizeAsync(string source, string series, Slot from, Slot end, TimeSpan elapsed, CancellationToken ct)
    {
        var totals = await viewers.ReadTotalsAsync(series, from, end, ct);
        var seriesRuns = (await runs.ListAsync(series, 100_000, ct)).Where(r => r.From >= from && r.From < end).ToList();
        var sourcePulls = (await pulls.ListAsync(source, 100_000, ct)).Where(p => Slot.Of(p.At) >= from && Slot.Of(p.At) < end).ToList();
        return new RunSummary(series, from.Start, end.Start, sourcePulls.Count, sourcePulls.Count(p => p.Status != PullStatus.Succeeded),
            totals.Count, totals.Sum(t => (long)t.LiveChannels), seriesRuns.Sum(r => r.Rejected),
            seriesRuns.Count, seriesRuns.Count(r => r.Status == RunStatus.Failed), elapsed);
    }
}
