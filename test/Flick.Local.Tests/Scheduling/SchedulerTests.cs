using System.Threading.Channels;
using Flick.Local.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace Flick.Local.Tests.Scheduling;

public sealed class SchedulerTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 3, 10, 12, 0, 30, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly Channel<DateTimeOffset> _fired = Channel.CreateUnbounded<DateTimeOffset>();
    private readonly CancellationTokenSource _stop = new();

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    [Fact]
    public async Task RunAsync_AsTheClockMovesMinuteByMinute_ShouldFireEachOccurrenceOnceWithItsScheduledTime()
    {
        var scheduler = SchedulerRecording("rate(1 minute)");
        var run = scheduler.RunAsync(_stop.Token);

        var fired = new List<DateTimeOffset>();
        for (var minute = 0; minute < 3; minute++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            fired.Add(await NextFiringAsync());
        }

        fired.ShouldBe([At(12, 1), At(12, 2), At(12, 3)]);
        _fired.Reader.TryRead(out _).ShouldBeFalse();
        await _stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_AfterAPauseThatMissedManyOccurrences_ShouldFireOnlyTheLatestOnceThenContinue()
    {
        var scheduler = SchedulerRecording("rate(1 minute)");
        var run = scheduler.RunAsync(_stop.Token);

        // From 12:00:30 to 12:10:30: ten occurrences missed, 12:01 … 12:10.
        _clock.Advance(TimeSpan.FromMinutes(10));
        var afterPause = await NextFiringAsync();
        _clock.Advance(TimeSpan.FromMinutes(1));
        var next = await NextFiringAsync();

        afterPause.ShouldBe(At(12, 10));
        next.ShouldBe(At(12, 11));
        _fired.Reader.TryRead(out _).ShouldBeFalse();
        await _stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_WithACronSchedule_ShouldFireAtItsInstant()
    {
        var scheduler = SchedulerRecording("cron(0 13 * * ? *)");
        var run = scheduler.RunAsync(_stop.Token);

        _clock.Advance(TimeSpan.FromMinutes(59));
        _fired.Reader.TryRead(out _).ShouldBeFalse();
        _clock.Advance(TimeSpan.FromMinutes(1));

        (await NextFiringAsync()).ShouldBe(At(13, 0));
        await _stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_WhenACallbackThrows_ShouldKeepTheScheduleGoing()
    {
        var scheduler = new Scheduler(_clock);
        var calls = 0;
        scheduler.Add("flaky", "rate(1 minute)", async (scheduled, cancellationToken) =>
        {
            await _fired.Writer.WriteAsync(scheduled, cancellationToken);
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new InvalidOperationException("first run fails");
            }
        });
        var run = scheduler.RunAsync(_stop.Token);

        _clock.Advance(TimeSpan.FromMinutes(1));
        (await NextFiringAsync()).ShouldBe(At(12, 1));
        _clock.Advance(TimeSpan.FromMinutes(1));
        (await NextFiringAsync()).ShouldBe(At(12, 2));
        await _stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_WhenCancelled_ShouldComplete()
    {
        var scheduler = SchedulerRecording("rate(1 hour)");
        var run = scheduler.RunAsync(_stop.Token);

        await _stop.CancelAsync();

        await run.WaitAsync(Patience);
        run.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public void Add_WithInvalidExpressionOrDuplicateName_ShouldThrow()
    {
        var scheduler = new Scheduler(_clock);
        scheduler.Add("pull", "rate(1 minute)", (_, _) => Task.CompletedTask);

        Should.Throw<FormatException>(() => scheduler.Add("other", "rate(1 minutes)", (_, _) => Task.CompletedTask));
        Should.Throw<ArgumentException>(() => scheduler.Add("pull", "rate(5 minutes)", (_, _) => Task.CompletedTask));
    }

    private Scheduler SchedulerRecording(string expression)
    {
        var scheduler = new Scheduler(_clock);
        scheduler.Add("test", expression, async (scheduled, cancellationToken) => await _fired.Writer.WriteAsync(scheduled, cancellationToken));
        return scheduler;
    }

    private async Task<DateTimeOffset> NextFiringAsync() => await _fired.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    private static DateTimeOffset At(int hour, int minute) => new(2025, 3, 10, hour, minute, 0, TimeSpan.Zero);
}
