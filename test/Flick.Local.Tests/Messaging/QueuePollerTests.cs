using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flick.Local.Messaging;

namespace Flick.Local.Tests.Messaging;

public sealed class QueuePollerTests : IDisposable
{
    private const string Queue = "ingest";
    private const string NoFailures = """{"batchItemFailures":[]}""";
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly QueueTestContext _context = new();

    public void Dispose() => _context.Dispose();

    [Fact]
    public async Task ProcessBatchAsync_ShouldPassTheLambdaSqsEventShape()
    {
        var queue = await _context.OpenAsync();
        var id = await queue.SendAsync(Queue, "hello", None);
        string? eventJson = null;
        var poller = Poller(queue, (json, _) =>
        {
            eventJson = json;
            return Task.FromResult(NoFailures);
        });

        await poller.ProcessBatchAsync(await ReceiveAsync(queue), None);

        var record = JsonNode.Parse(eventJson!)!["Records"]!.AsArray().ShouldHaveSingleItem()!;
        record["messageId"]!.GetValue<string>().ShouldBe(id);
        record["receiptHandle"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        record["body"]!.GetValue<string>().ShouldBe("hello");
        var attributes = record["attributes"]!;
        attributes["ApproximateReceiveCount"]!.GetValue<string>().ShouldBe("1");
        // 2025-03-10T12:00:00Z = 20157 days after the epoch (55 years, 14 of them leap, then 68 days) × 86,400,000 ms + 12 h.
        var sentMs = (20157L * 86_400 + 12 * 3600) * 1000;
        attributes["SentTimestamp"]!.GetValue<string>().ShouldBe(sentMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        attributes["ApproximateFirstReceiveTimestamp"]!.GetValue<string>().ShouldBe(sentMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        attributes["SenderId"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        record["messageAttributes"]!.AsObject().Count.ShouldBe(0);
        // The well-known MD5 digest of "hello".
        record["md5OfBody"]!.GetValue<string>().ShouldBe("5d41402abc4b2a76b9719d911017c592");
        record["eventSource"]!.GetValue<string>().ShouldBe("aws:sqs");
        record["eventSourceARN"]!.GetValue<string>().ShouldBe("arn:aws:sqs:local:000000000000:ingest");
        record["awsRegion"]!.GetValue<string>().ShouldBe("local");
    }

    [Fact]
    public async Task ProcessBatchAsync_WithPartialBatchFailure_ShouldDeleteOnlyTheSuccesses()
    {
        var queue = await _context.OpenAsync();
        foreach (var body in new[] { "m0", "m1", "m2", "m3", "m4" })
        {
            await queue.SendAsync(Queue, body, None);
        }

        var poller = Poller(queue, (json, _) =>
        {
            var failed = Records(json).Where(r => r.Body is "m1" or "m3").Select(r => $$"""{"itemIdentifier":"{{r.MessageId}}"}""");
            return Task.FromResult($$"""{"batchItemFailures":[{{string.Join(',', failed)}}]}""");
        });

        var deleted = await poller.ProcessBatchAsync(await ReceiveAsync(queue), None);

        deleted.ShouldBe(3);
        (await queue.CountAsync(Queue, None)).ShouldBe(new QueueCounts(0, 2, 0));
        _context.Clock.Advance(Visibility);
        (await queue.ReceiveAsync(Queue, 10, Visibility, None)).Select(m => (m.Body, m.ReceiveCount)).ShouldBe([("m1", 2), ("m3", 2)]);
    }

    [Fact]
    public async Task ProcessBatchAsync_WhenTheHandlerThrows_ShouldDeleteNothing()
    {
        var queue = await _context.OpenAsync();
        await queue.SendAsync(Queue, "a", None);
        await queue.SendAsync(Queue, "b", None);
        var poller = Poller(queue, (_, _) => throw new InvalidOperationException("boom"));

        var deleted = await poller.ProcessBatchAsync(await ReceiveAsync(queue), None);

        deleted.ShouldBe(0);
        (await queue.CountAsync(Queue, None)).ShouldBe(new QueueCounts(0, 2, 0));
    }

    // Lambda's rules: null, {} and an empty or null list are complete success; text that is not JSON, an entry
    // without a usable itemIdentifier, or an id that is not in the batch fail the whole batch.
    [Theory]
    [InlineData("""{"batchItemFailures":[]}""", 2)]
    [InlineData("""{"batchItemFailures":null}""", 2)]
    [InlineData("{}", 2)]
    [InlineData("null", 2)]
    [InlineData("not json", 0)]
    [InlineData("", 0)]
    [InlineData("""{"batchItemFailures":[{"itemIdentifier":""}]}""", 0)]
    [InlineData("""{"batchItemFailures":[{"itemIdentifier":null}]}""", 0)]
    [InlineData("""{"batchItemFailures":[{"id":"x"}]}""", 0)]
    [InlineData("""{"batchItemFailures":[{"itemIdentifier":"not-in-batch"}]}""", 0)]
    public async Task ProcessBatchAsync_WithResponse_ShouldDeleteAsLambdaWould(string response, int expectedDeleted)
    {
        var queue = await _context.OpenAsync();
        await queue.SendAsync(Queue, "a", None);
        await queue.SendAsync(Queue, "b", None);
        var poller = Poller(queue, (_, _) => Task.FromResult(response));

        var deleted = await poller.ProcessBatchAsync(await ReceiveAsync(queue), None);

        deleted.ShouldBe(expectedDeleted);
        (await queue.CountAsync(Queue, None)).InFlight.ShouldBe(2 - expectedDeleted);
    }

    [Fact]
    public async Task RunAsync_WithAPoisonMessage_ShouldLandItInTheDeadLetterQueueAfterMaxReceiveCountReceives()
    {
        var queue = await _context.OpenAsync(new Dictionary<string, QueueSettings> { [Queue] = new(MaxReceiveCount: 3) });
        var id = await queue.SendAsync(Queue, "poison", None);
        var invocations = 0;
        var poller = Poller(queue, (json, _) =>
        {
            Interlocked.Increment(ref invocations);
            return Task.FromResult($$"""{"batchItemFailures":[{"itemIdentifier":"{{Records(json).Single().MessageId}}"}]}""");
        });
        using var stop = new CancellationTokenSource();
        var run = poller.RunAsync(stop.Token);

        // Each failure hides the message for the visibility timeout; moving the clock past it brings it back.
        await EventuallyAsync(async () =>
        {
            _context.Clock.Advance(Visibility);
            return (await queue.CountAsync(Queue, None)).DeadLetters == 1;
        });
        await stop.CancelAsync();
        await run;

        Volatile.Read(ref invocations).ShouldBe(3);
        var dead = (await queue.PeekDeadLettersAsync(Queue, 10, None)).ShouldHaveSingleItem();
        (dead.MessageId, dead.ReceiveCount).ShouldBe((id, 3));
    }

    [Fact]
    public async Task RunAsync_WithConcurrentBatches_ShouldHandleEveryMessageOnceAndDrainTheQueue()
    {
        var queue = await _context.OpenAsync();
        for (var i = 0; i < 45; i++)
        {
            await queue.SendAsync(Queue, $"m{i}", None);
        }

        var handled = new ConcurrentBag<string>();
        var poller = new QueuePoller(queue, new QueuePollerOptions(Queue) { Concurrency = 3, VisibilityTimeout = Visibility }, async (json, _) =>
        {
            foreach (var record in Records(json))
            {
                handled.Add(record.Body);
            }

            await Task.Yield();
            return NoFailures;
        });
        using var stop = new CancellationTokenSource();
        var run = poller.RunAsync(stop.Token);

        await EventuallyAsync(async () => await queue.IsDrainedAsync(None) && poller.InFlightBatches == 0);
        await stop.CancelAsync();
        await run;

        handled.Order(StringComparer.Ordinal).ShouldBe(Enumerable.Range(0, 45).Select(i => $"m{i}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunAsync_WhenAMessageArrivesWhileIdle_ShouldWakeWithoutWaitingForThePollInterval()
    {
        var queue = await _context.OpenAsync();
        var handled = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var poller = Poller(queue, (json, _) =>
        {
            handled.TrySetResult(Records(json).Single().Body);
            return Task.FromResult(NoFailures);
        });
        using var stop = new CancellationTokenSource();
        var run = poller.RunAsync(stop.Token);

        // The fake clock never moves, so only the send signal can wake the poller.
        await queue.SendAsync(Queue, "wake", None);

        (await handled.Task.WaitAsync(Patience)).ShouldBe("wake");
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_WithAnAdmission_ShouldReceiveNothingUntilItCompletesAndThenTakeOneBatchPerAdmission()
    {
        var queue = await _context.OpenAsync();
        foreach (var body in new[] { "a", "b", "c" })
        {
            await queue.SendAsync(Queue, body, None);
        }

        var admissions = new ConcurrentQueue<TaskCompletionSource>();
        var asked = new SemaphoreSlim(0);
        var handled = new ConcurrentQueue<string>();
        var poller = new QueuePoller(queue, new QueuePollerOptions(Queue)
        {
            BatchSize = 1,
            VisibilityTimeout = Visibility,
            Admission = token =>
            {
                var admission = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                admissions.Enqueue(admission);
                asked.Release();
                return admission.Task.WaitAsync(token);
            },
        }, (json, _) =>
        {
            handled.Enqueue(Records(json).Single().Body);
            return Task.FromResult(NoFailures);
        });
        using var stop = new CancellationTokenSource();
        var run = poller.RunAsync(stop.Token);

        (await asked.WaitAsync(Patience)).ShouldBeTrue();
        var beforeAdmission = await queue.CountAsync(Queue, None);
        admissions.Last().SetResult();
        (await asked.WaitAsync(Patience)).ShouldBeTrue();   // the next receive asks again
        await EventuallyAsync(() => Task.FromResult(handled.Count == 1 && poller.InFlightBatches == 0));
        var afterOne = await queue.CountAsync(Queue, None);

        beforeAdmission.ShouldBe(new QueueCounts(3, 0, 0));
        afterOne.ShouldBe(new QueueCounts(2, 0, 0));
        handled.ShouldBe(["a"]);
        await stop.CancelAsync();
        await run;   // a wait for admission ends with the poller
    }

    private static QueuePoller Poller(SqliteMessageQueue queue, Func<string, CancellationToken, Task<string>> handler) =>
        new(queue, new QueuePollerOptions(Queue) { VisibilityTimeout = Visibility }, handler);

    private static Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(SqliteMessageQueue queue) =>
        queue.ReceiveWithAttributesAsync(Queue, 10, Visibility, None);

    private static List<SqsMessage> Records(string eventJson) =>
        JsonSerializer.Deserialize(eventJson, MessagingJsonContext.Default.SqsEvent)!.Records.ToList();

    /// <summary>Retries a condition on real time until it holds; fails the test after a generous limit.</summary>
    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the condition did not hold in time");
            await Task.Delay(10);
        }
    }
}
