using Flick.Local.Messaging;

namespace Flick.Local.Tests.Messaging;

public sealed class SqliteMessageQueueTests : IDisposable
{
    private const string Queue = "work";
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(30);
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly QueueTestContext _context = new();

    public void Dispose() => _context.Dispose();

    [Fact]
    public async Task ReceiveAsync_AfterSend_ShouldReturnTheMessageWithReceiveCountOne()
    {
        var queue = await _context.OpenAsync();
        var id = await queue.SendAsync(Queue, "hello", None);

        var received = await queue.ReceiveAsync(Queue, 10, Visibility, None);

        var message = received.ShouldHaveSingleItem();
        message.MessageId.ShouldBe(id);
        Guid.TryParse(id, out _).ShouldBeTrue();
        message.Body.ShouldBe("hello");
        message.ReceiveCount.ShouldBe(1);
        message.SentAt.ShouldBe(QueueTestContext.Start);
    }

    [Fact]
    public async Task ReceiveAsync_ShouldReturnAtMostMaxMessagesInSentOrder()
    {
        var queue = await _context.OpenAsync();
        foreach (var body in new[] { "a", "b", "c", "d", "e" })
        {
            await queue.SendAsync(Queue, body, None);
        }

        (await queue.ReceiveAsync(Queue, 3, Visibility, None)).Select(m => m.Body).ShouldBe(["a", "b", "c"]);
        (await queue.ReceiveAsync(Queue, 10, Visibility, None)).Select(m => m.Body).ShouldBe(["d", "e"]);
        (await queue.ReceiveAsync(Queue, 10, Visibility, None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ReceiveAsync_WhileMessageIsInFlight_ShouldNotReturnItUntilTheVisibilityTimeoutPasses()
    {
        var queue = await _context.OpenAsync();
        await queue.SendAsync(Queue, "hello", None);
        var first = (await queue.ReceiveAsync(Queue, 1, Visibility, None)).Single();

        _context.Clock.Advance(TimeSpan.FromSeconds(29));
        (await queue.ReceiveAsync(Queue, 1, Visibility, None)).ShouldBeEmpty();
        (await queue.CountAsync(Queue, None)).ShouldBe(new QueueCounts(0, 1, 0));

        _context.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = (await queue.ReceiveAsync(Queue, 1, Visibility, None)).ShouldHaveSingleItem();
        second.MessageId.ShouldBe(first.MessageId);
        second.ReceiveCount.ShouldBe(2);
        second.ReceiptHandle.ShouldNotBe(first.ReceiptHandle);
    }

    [Fact]
    public async Task DeleteAsync_WithCurrentReceiptHandle_ShouldRemoveTheMessage()
    {
        var queue = await _context.OpenAsync();
        await queue.SendAsync(Queue, "hello", None);
        var message = (await queue.ReceiveAsync(Queue, 1, Visibility, None)).Single();

        await queue.DeleteAsync(Queue, message.ReceiptHandle, None);

        (await queue.CountAsync(Queue, None)).ShouldBe(new QueueCounts(0, 0, 0));
    }

    [Fact]
    public async Task DeleteAsync_WithStaleReceiptHandle_ShouldNotDeleteTheNewerDelivery()
    {
        var queue = await _context.OpenAsync();
        await queue.SendAsync(Queue, "hello", None);
        var first = (await queue.ReceiveAsync(Queue, 1, Visibility, None)).Single();
        _context.Clock.Advance(Visibility);
        var second = (await queue.ReceiveAsync(Queue, 1, Visibility, None)).Single();

        await queue.DeleteAsync(Queue, first.ReceiptHandle, None);
        (await queue.CountAsync(Queue, None)).ShouldBe(new QueueCounts(0, 1, 0));

        await queue.DeleteAsync(Queue, second.ReceiptHandle, None);
        (await queue.CountAsync(Queue, None)).ShouldBe(new QueueCounts(0, 0, 0));
    }

    [Fact]
    public async Task ChangeVisibilityAsync_ShouldSetWhenTheMessageReturns()
    {
        var queue = await _context.OpenAsync();
        await queue.SendAsync(Queue, "hello", None);
        var message = (await queue.ReceiveAsync(Queue, 1, Visibility, None)).Single();

        // Extended to 60 s from now: still hidden after the original 30 s.
        await queue.ChangeVisibilityAsync(Queue, message.ReceiptHandle, TimeSpan.FromSeconds(60), None);
        _context.Clock.Advance(TimeSpan.FromSeconds(31));
        (await queue.ReceiveAsync(Queue, 1, Visibility, None)).ShouldBeEmpty();

        _context.Clock.Advance(TimeSpan.FromSeconds(29));
        var again = (await queue.ReceiveAsync(Queue, 1, Visibility, None)).ShouldHaveSingleItem();

        await queue.ChangeVisibilityAsync(Queue, again.ReceiptHandle, TimeSpan.Zero, None);
        (await queue.ReceiveAsync(Queue, 1, Visibility, None)).ShouldHaveSingleItem().ReceiveCount.ShouldBe(3);
    }

    [Fact]
    public async Task ReceiveAsync_WhenReceiveCountWouldExceedMaxReceiveCount_ShouldMoveTheMessageToTheDeadLetterQueue()
    {
        var queue = await _context.OpenAsync(new Dictionary<string, QueueSettings> { [Queue] = new(MaxReceiveCount: 3) });
        var id = await queue.SendAsync(Queue, "poison", None);

        var counts = new List<int>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            counts.AddRange((await queue.ReceiveAsync(Queue, 10, Visibility, None)).Select(m => m.ReceiveCount));
            _context.Clock.Advance(Visibility);
        }

        counts.ShouldBe([1, 2, 3]);
        (await queue.CountAsync(Queue, None)).ShouldBe(new QueueCounts(0, 0, 1));
        var dead = (await queue.PeekDeadLettersAsync(Queue, 10, None)).ShouldHaveSingleItem();
        dead.MessageId.ShouldBe(id);
        dead.Body.ShouldBe("poison");
        dead.ReceiveCount.ShouldBe(3);
    }

    [Fact]
    public async Task ReceiveAsync_WithoutQueueSettings_ShouldAllowFiveReceives()
    {
        var queue = await _context.OpenAsync();
        await queue.SendAsync(Queue, "poison", None);

        var receives = 0;
        for (var attempt = 0; attempt < 7; attempt++)
        {
            receives += (await queue.ReceiveAsync(Queue, 10, Visibility, None)).Count;
            _context.Clock.Advance(Visibility);
        }

        receives.ShouldBe(5);
        (await queue.CountAsync(Queue, None)).DeadLetters.ShouldBe(1);
    }

    [Fact]
    public async Task ReceiveAsync_WhenAMessageGoesToTheDeadLetterQueue_ShouldStillReturnTheNextMessage()
    {
        var queue = await _context.OpenAsync(new Dictionary<string, QueueSettings> { [Queue] = new(MaxReceiveCount: 1) });
        await queue.SendAsync(Queue, "poison", None);
        await queue.ReceiveAsync(Queue, 10, Visibility, None);
        _context.Clock.Advance(Visibility);
        await queue.SendAsync(Queue, "fresh", None);

        var received = await queue.ReceiveAsync(Queue, 1, Visibility, None);

        received.ShouldHaveSingleItem().Body.ShouldBe("fresh");
        (await queue.PeekDeadLettersAsync(Queue, 10, None)).ShouldHaveSingleItem().Body.ShouldBe("poison");
    }

    [Fact]
    public async Task RedriveAsync_ShouldMoveDeadLettersBackWithTheReceiveCountReset()
    {
        var queue = await _context.OpenAsync(new Dictionary<string, QueueSettings> { [Queue] = new(MaxReceiveCount: 1) });
        await queue.SendAsync(Queue, "one", None);
        await queue.SendAsync(Queue, "two", None);
        await queue.ReceiveAsync(Queue, 10, Visibility, None);
        _context.Clock.Advance(Visibility);
        await queue.ReceiveAsync(Queue, 10, Visibility, None);
        (await queue.CountAsync(Queue, None)).ShouldBe(new QueueCounts(0, 0, 2));

        var moved = await queue.RedriveAsync(Queue, None);

        moved.ShouldBe(2);
        (await queue.CountAsync(Queue, None)).ShouldBe(new QueueCounts(2, 0, 0));
        var received = await queue.ReceiveAsync(Queue, 10, Visibility, None);
        received.Select(m => (m.Body, m.ReceiveCount)).ShouldBe([("one", 1), ("two", 1)]);
    }

    [Fact]
    public async Task InitializeAsync_OnAnExistingFile_ShouldKeepTheMessagesAndTheirState()
    {
        var queue = await _context.OpenAsync();
        await queue.SendAsync(Queue, "a", None);
        await queue.SendAsync(Queue, "b", None);
        await queue.SendAsync(Queue, "c", None);
        await queue.ReceiveAsync(Queue, 1, Visibility, None);
        await queue.DisposeAsync();

        var reopened = await _context.OpenAsync();

        (await reopened.CountAsync(Queue, None)).ShouldBe(new QueueCounts(2, 1, 0));
        (await reopened.ReceiveAsync(Queue, 10, TimeSpan.FromHours(1), None)).Select(m => m.Body).ShouldBe(["b", "c"]);
        _context.Clock.Advance(Visibility);
        (await reopened.ReceiveAsync(Queue, 10, Visibility, None)).ShouldHaveSingleItem().Body.ShouldBe("a");
    }

    [Fact]
    public async Task ReleaseInFlightAsync_ShouldMakeMessagesHeldByAPreviousProcessVisibleAtOnce()
    {
        var queue = await _context.OpenAsync();
        await queue.SendAsync(Queue, "a", None);
        await queue.SendAsync(Queue, "b", None);
        await queue.ReceiveAsync(Queue, 10, TimeSpan.FromHours(1), None);
        await queue.DisposeAsync();
        var reopened = await _context.OpenAsync();

        var released = await reopened.ReleaseInFlightAsync(None);

        released.ShouldBe(2);
        var received = await reopened.ReceiveAsync(Queue, 10, Visibility, None);
        received.Select(m => (m.Body, m.ReceiveCount)).ShouldBe([("a", 2), ("b", 2)]);
    }

    [Fact]
    public async Task ReceiveAsync_FromConcurrentReceivers_ShouldHandOutEveryMessageExactlyOnce()
    {
        var queue = await _context.OpenAsync();
        var sent = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            sent.Add(await queue.SendAsync(Queue, $"m{i}", None));
        }

        // The fake clock does not move, so nothing comes back: each id may appear once only.
        var receivers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var ids = new List<string>();
            while (await queue.ReceiveAsync(Queue, 10, Visibility, None) is { Count: > 0 } batch)
            {
                ids.AddRange(batch.Select(m => m.MessageId));
            }

            return ids;
        })).ToList();
        var received = (await Task.WhenAll(receivers)).SelectMany(ids => ids).ToList();

        received.Count.ShouldBe(1000);
        received.Order(StringComparer.Ordinal).ShouldBe(sent.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task IsDrainedAsync_ShouldIgnoreOnlyDeadLetterQueues()
    {
        var queue = await _context.OpenAsync(new Dictionary<string, QueueSettings> { [Queue] = new(MaxReceiveCount: 1) });
        (await queue.IsDrainedAsync(None)).ShouldBeTrue();

        await queue.SendAsync(Queue, "a", None);
        (await queue.IsDrainedAsync(None)).ShouldBeFalse();

        await queue.ReceiveAsync(Queue, 10, Visibility, None);
        (await queue.IsDrainedAsync(None)).ShouldBeFalse();

        _context.Clock.Advance(Visibility);
        (await queue.ReceiveAsync(Queue, 10, Visibility, None)).ShouldBeEmpty();
        (await queue.IsDrainedAsync(None)).ShouldBeTrue();
    }

    [Fact]
    public async Task WaitForMessagesAsync_WhenAMessageIsSentWhileWaiting_ShouldReturnTrue()
    {
        var queue = await _context.OpenAsync();
        var wait = queue.WaitForMessagesAsync(Queue, TimeSpan.FromMinutes(1), None);
        wait.IsCompleted.ShouldBeFalse();

        await queue.SendAsync(Queue, "a", None);

        (await wait).ShouldBeTrue();
    }

    [Fact]
    public async Task WaitForMessagesAsync_WhenNothingIsSent_ShouldReturnFalseAfterTheTimeout()
    {
        var queue = await _context.OpenAsync();
        var wait = queue.WaitForMessagesAsync(Queue, TimeSpan.FromSeconds(5), None);

        _context.Clock.Advance(TimeSpan.FromSeconds(5));

        (await wait).ShouldBeFalse();
    }

    [Fact]
    public async Task WaitForMessagesAsync_AfterASendThatNobodyWaitedFor_ShouldReturnAtOnce()
    {
        var queue = await _context.OpenAsync();
        await queue.SendAsync(Queue, "a", None);

        var wait = queue.WaitForMessagesAsync(Queue, TimeSpan.FromMinutes(1), None);

        wait.IsCompleted.ShouldBeTrue();
        (await wait).ShouldBeTrue();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public async Task ReceiveAsync_WithMaxMessagesOutsideOneToTen_ShouldThrow(int maxMessages)
    {
        var queue = await _context.OpenAsync();

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => queue.ReceiveAsync(Queue, maxMessages, Visibility, None));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("dots.are.not.allowed")]
    public async Task SendAsync_WithAnInvalidQueueName_ShouldThrow(string name)
    {
        var queue = await _context.OpenAsync();

        await Should.ThrowAsync<ArgumentException>(() => queue.SendAsync(name, "a", None));
    }

    [Fact]
    public async Task SendAsync_BeforeInitialize_ShouldThrow()
    {
        var queue = new SqliteMessageQueue(_context.Options(), _context.Clock);

        await Should.ThrowAsync<InvalidOperationException>(() => queue.SendAsync(Queue, "a", None));
    }
}
