using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Flick.Local.Scheduling;

/// <summary>
/// Runs callbacks on EventBridge schedule expressions against a <see cref="TimeProvider"/>. Each occurrence fires
/// once; after a pause (a sleeping machine, a slow callback) only the latest missed occurrence fires, not a burst.
/// A failing callback is logged and its schedule goes on.
/// </summary>
public sealed partial class Scheduler
{
    // Timers take at most about 49 days; a yearly cron waits in pieces.
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly List<Schedule> _schedules = [];
    private int _running;

    public Scheduler(TimeProvider timeProvider, ILogger<Scheduler>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <param name="callback">Gets the occurrence's scheduled time, not the time it actually ran.</param>
    /// <exception cref="FormatException">The expression is invalid.</exception>
    public void Add(string name, string expression, Func<DateTimeOffset, CancellationToken, Task> callback)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(callback);
        var parsed = ScheduleExpression.Parse(expression);
        lock (_schedules)
        {
            if (Volatile.Read(ref _running) != 0)
            {
                throw new InvalidOperationException("Schedules are added before the scheduler runs.");
            }

            if (_schedules.Any(s => s.Name == name))
            {
                throw new ArgumentException($"A schedule named '{name}' already exists.", nameof(name));
            }

            _schedules.Add(new Schedule(name, parsed, callback));
        }
    }

    /// <summary>
    /// Runs every schedule until <paramref name="cancellationToken"/> is cancelled (or until no schedule has an
    /// occurrence left, as with a cron whose years have passed). The first occurrences are computed from the time of
    /// this call, before it returns its task.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        List<Schedule> schedules;
        lock (_schedules)
        {
            if (Interlocked.Exchange(ref _running, 1) != 0)
            {
                throw new InvalidOperationException("The scheduler is already running.");
            }

            schedules = [.. _schedules];
        }

        var now = _timeProvider.GetUtcNow();
        var loops = schedules.Select(schedule => RunScheduleAsync(schedule, now, cancellationToken)).ToList();
        await Task.WhenAll(loops);
    }

    private async Task RunScheduleAsync(Schedule schedule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var next = schedule.Expression.GetNextOccurrence(now);
            while (next is { } due)
            {
                if (due > now)
                {
                    var wait = due - now < MaxWait ? due - now : MaxWait;
                    await Task.Delay(wait, _timeProvider, cancellationToken);
                    now = _timeProvider.GetUtcNow();
                    if (now < due)
                    {
                        // A long wait is taken in pieces, and a timer may wake a moment early: wait out the rest.
                        continue;
                    }
                }

                var occurrence = schedule.Expression.GetLatestOccurrence(due, now);
                await FireAsync(schedule, occurrence, cancellationToken);
                next = schedule.Expression.GetNextOccurrence(occurrence);
                now = _timeProvider.GetUtcNow();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal end of a schedule.
        }
    }

    private async Task FireAsync(Schedule schedule, DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        try
        {
            await schedule.Callback(occurrence, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogCallbackFailed(exception, schedule.Name, occurrence);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Schedule {Name} failed for its occurrence at {Occurrence:O}")]
    private partial void LogCallbackFailed(Exception exception, string name, DateTimeOffset occurrence);

    private sealed record Schedule(string Name, ScheduleExpression Expression, Func<DateTimeOffset, CancellationToken, Task> Callback);
}
