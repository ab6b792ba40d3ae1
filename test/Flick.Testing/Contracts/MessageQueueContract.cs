using Flick.Core.Ports;
using Shouldly;
using Xunit;

namespace Flick.Testing.Contracts;

/// <summary>
/// The SQS semantics every <see cref="IMessageQueue"/> adapter shares, run once per adapter (SQLite, SQS) so that
/// the embedded run and the AWS run cannot drift. Each test gets a new instance of the subclass and an empty
/// queue <see cref="Queue"/> with a dead-letter queue.
/// </summary>
/// <remarks>
/// Not pinned, because SQS does not promise them: the order of a receive (SQS standard queues are unordered), that
/// a receive returns every visible message up to the batch size, a dead letter's exact receive count (peeking SQS is
/// a receive, which counts), and a redriven message's id and send time (SQS sends it anew).
/// </remarks>
public abstract partial class MessageQueueContract
{
    protected const string Queue = "work";
    protected static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Longer than any test: a message received with it stays hidden throughout.</summary>
    protected static readonly TimeSpan LongVisibility = TimeSpan.FromMinutes(10);

    /// <summary>A visibility timeout that a test waits out with <see cref="LetTimePassAsync"/>; SQS counts whole seconds.</summary>
    protected static readonly TimeSpan ShortVisibility = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A new adapter whose queue <see cref="Queue"/> is empty, moves a message to its (empty) dead-letter queue on
    /// the receive that would exceed <paramref name="maxReceiveCount"/>.
    /// </summary>
    protected abstract Task<IMessageQueue> CreateQueueAsync(int maxReceiveCount);

    /// <summary>Lets <paramref name="duration"/> pass on the adapter's clock (a fake clock, or the wall clock).</summary>
    protected abstract Task LetTimePassAsync(TimeSpan duration);

    /// <summary>The adapter's clock now.</summary>
    protected abstract DateTimeOffset Now { get; }

    [Fact]
    public async Task ReceiveAsync_AfterASend_ShouldReturnTheMessageWithReceiveCountOneAndItsSendTime()
    {
        var queue = await CreateQueueAsync(maxReceiveCount: 5);
        var before = Now;
        var id = await queue.SendAsync(Queue, """{"pull":"p-1"}""", None);
        var after = Now;

        var message = (await queue.ReceiveAsync(Queue, 10, LongVisibility, None)).ShouldHaveSingleItem();

        message.MessageId.ShouldBe(id);
        message.Body.ShouldBe("""{"pull":"p-1"}""");
        message.ReceiveCount.ShouldBe(1);
        message.ReceiptHandle.ShouldNotBeNullOrEmpty();
        // SQS stamps the send in milliseconds on its own clock.
        message.SentAt.ShouldBeInRange(before.AddSeconds(-1), after.AddSeconds(1));
    }

    [Fact]
    public async Task ReceiveAsync_WhileTheMessageIsInFlight_ShouldNotReturnItAgain()
    {
        var queue = await CreateQueueAsync(maxReceiveCount: 5);
        await queue.SendAsync(Queue, "once", None);
        (await queue.ReceiveAsync(Queue, 10, LongVisibility, None)).ShouldHaveSingleItem();

        (await queue.ReceiveAsync(Queue, 10, LongVisibility, None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ReceiveAsync_WhenTheVisibilityTimeoutRunsOut_ShouldRedeliverWithTheNextReceiveCountAndANewHandle()
    {
        var queue = await CreateQueueAsync(maxReceiveCount: 5);
        await queue.SendAsync(Queue, "again", None);
        var first = (await queue.ReceiveAsync(Queue, 1, ShortVisibility, None)).ShouldHaveSingleItem();

        await LetTimePassAsync(ShortVisibility + TimeSpan.FromMilliseconds(300));
        var second = (await queue.ReceiveAsync(Queue, 1, LongVisibility, None)).ShouldHaveSingleItem();

        second.MessageId.ShouldBe(first.MessageId);
        second.Body.ShouldBe("again");
        second.ReceiveCount.ShouldBe(2);
        second.ReceiptHandle.ShouldNotBe(first.ReceiptHandle);
    }

    [Fact]
    public async Task DeleteAsync_WithTheCurrentHandle_ShouldRemoveTheMessage()
    {
        var queue = await CreateQueueAsync(maxReceiveCount: 5);
        await queue.SendAsync(Queue, "done", None);
        // A zero timeout leaves the message visible: only the delete can keep the next receive empty.
        var received = (await queue.ReceiveAsync(Queue, 1, TimeSpan.Zero, None)).ShouldHaveSingleItem();

        await queue.DeleteAsync(Queue, received.ReceiptHandle, None);

        (await queue.ReceiveAsync(Queue, 10, LongVisibility, None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task DeleteAsync_WithAStaleHandle_ShouldNotThrowNorTouchTheNewerDelivery()
    {
        var queue = await CreateQueueAsync(maxReceiveCount: 5);
        await queue.SendAsync(Queue, "redelivered", None);
        var stale = (await queue.ReceiveAsync(Queue, 1, TimeSpan.Zero, None)).ShouldHaveSingleItem();
        var current = (await queue.ReceiveAsync(Queue, 1, LongVisibility, None)).ShouldHaveSingleItem();

        await queue.DeleteAsync(Queue, stale.ReceiptHandle, None);

        await queue.ChangeVisibilityAsync(Queue, current.ReceiptHandle, TimeSpan.Zero, None);
        var third = (await queue.ReceiveAsync(Queue, 1, LongVisibility, None)).ShouldHaveSingleItem();
        (third.MessageId, third.ReceiveCount).ShouldBe((current.MessageId, 3));
        await queue.DeleteAsync(Queue, third.ReceiptHandle, None);
        await queue.DeleteAsync(Queue, third.ReceiptHandle, None);
        (await queue.ReceiveAsync(Queue, 10, TimeSpan.Zero, None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ChangeVisibilityAsync_ToZero_ShouldMakeTheMessageReceivableAtOnce()
    {
        var queue = await CreateQueueAsync(maxReceiveCount: 5);
        await queue.SendAsync(Queue, "retry-now", None);
        var first = (await queue.ReceiveAsync(Queue, 1, LongVisibility, None)).ShouldHaveSingleItem();

        await queue.ChangeVisibilityAsync(Queue, first.ReceiptHandle, TimeSpan.Zero, None);

        var second = (await queue.ReceiveAsync(Queue, 1, LongVisibility, None)).ShouldHaveSingleItem();
        (second.MessageId, second.ReceiveCount).ShouldBe((first.MessageId, 2));
    }

    [Fact]
    public async Task ChangeVisibilityAsync_WhenExtended_ShouldKeepTheMessageHiddenPastItsFirstTimeout()
    {
        var queue = await CreateQueueAsync(maxReceiveCount: 5);
        await queue.SendAsync(Queue, "slow-work", None);
        var received = (await queue.ReceiveAsync(Queue, 1, ShortVisibility, None)).ShouldHaveSingleItem();

        await queue.ChangeVisibilityAsync(Queue, received.ReceiptHandle, LongVisibility, None);
        await LetTimePassAsync(ShortVisibility + TimeSpan.FromMilliseconds(300));

        (await queue.ReceiveAsync(Queue, 10, LongVisibility, None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ChangeVisibilityAsync_WithAStaleHandle_ShouldNotThrowNorTouchTheNewerDelivery()
    {
        var queue = await CreateQueueAsync(maxReceiveCount: 5);
        await queue.SendAsync(Queue, "held", None);
        var stale = (await queue.ReceiveAsync(Queue, 1, TimeSpan.Zero, None)).ShouldHaveSingleItem();
        (await queue.ReceiveAsync(Queue, 1, LongVisibility, None)).ShouldHaveSingleItem();

        await queue.ChangeVisibilityAsync(Queue, stale.ReceiptHandle, TimeSpan.Zero, None);

        (await queue.ReceiveAsync(Queue, 10, LongVisibility, None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ReceiveAsync_WhenMoreThanTenMessagesWait_ShouldHandThemOutInBatchesOfAtMostTen()
    {
        var queue = await CreateQueueAsync(maxReceiveCount: 5);
        var bodies = Enumerable.Range(1, 12).Select(i => $"m{i}").ToList();
        foreach (var body in bodies)
        {
            await queue.SendAsync(Queue, body, None);
        }

        var received = new List<QueueMessage>();
        for (var attempt = 0; attempt < 30 && received.Count < bodies.Count; attempt++)
        {
            var batch = await queue.ReceiveAsync(Queue, 10, LongVisibility, None);
            batch.Count.ShouldBeLessThanOrEqualTo(10);
            received.AddRange(batch);
        }

        received.Select(m => m.Body).ShouldBe(bodies, ignoreOrder: true);
        received.ShouldAllBe(m => m.ReceiveCount == 1);
        (await queue.ReceiveAsync(Queue, 10, LongVisibility, None)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public async Task ReceiveAsync_WhenMaxMessagesIsOutside1To10_ShouldThrow(int maxMessages)
    {
        var queue = await CreateQueueAsync(maxReceiveCount: 5);

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => queue.ReceiveAsync(Queue, maxMessages, LongVisibility, None));
    }

    [Fact]
    public async Task EveryOperation_WhenTheTimeoutOrQueueNameIsInvalid_ShouldThrowArgumentException()
    {
        var queue = await CreateQueueAsync(maxReceiveCount: 5);

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => queue.ReceiveAsync(Queue, 1, TimeSpan.FromSeconds(-1), None));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => queue.ReceiveAsync(Queue, 1, TimeSpan.FromHours(13), None));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => queue.ChangeVisibilityAsync(Queue, "handle", TimeSpan.FromHours(13), None));
        await Should.ThrowAsync<ArgumentException>(() => queue.SendAsync("not a queue!", "x", None));
        await Should.ThrowAsync<ArgumentException>(() => queue.ReceiveAsync("a/b", 1, LongVisibility, None));
        await Should.ThrowAsync<ArgumentException>(() => queue.RedriveAsync(new string('q', 81), None));
    }
}
