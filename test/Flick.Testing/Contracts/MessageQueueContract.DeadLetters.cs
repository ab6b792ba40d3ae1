using Flick.Core.Ports;
using Shouldly;
using Xunit;

namespace Flick.Testing.Contracts;

public abstract partial class MessageQueueContract
{
    [Fact]
    public async Task ReceiveAsync_WhenTheMaxReceiveCountIsExceeded_ShouldMoveTheMessageToTheDeadLetterQueue()
    {
        var queue = await CreateQueueAsync(maxReceiveCount: 2);
        var id = await queue.SendAsync(Queue, "poison", None);
        (await queue.ReceiveAsync(Queue, 1, TimeSpan.Zero, None)).ShouldHaveSingleItem().ReceiveCount.ShouldBe(1);
        (await queue.ReceiveAsync(Queue, 1, TimeSpan.Zero, None)).ShouldHaveSingleItem().ReceiveCount.ShouldBe(2);

        // The third receive would exceed 2: the message goes to the dead-letter queue instead.
        (await queue.ReceiveAsync(Queue, 10, TimeSpan.Zero, None)).ShouldBeEmpty();

        var dead = (await queue.PeekDeadLettersAsync(Queue, 10, None)).ShouldHaveSingleItem();
        dead.MessageId.ShouldBe(id);
        dead.Body.ShouldBe("poison");
        dead.ReceiveCount.ShouldBeGreaterThanOrEqualTo(2);
        dead.ReceiptHandle.ShouldBeEmpty();
        (await queue.ReceiveAsync(Queue, 10, TimeSpan.Zero, None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task PeekDeadLettersAsync_ShouldShowTheDeadLettersOldestFirstWithoutTakingThem()
    {
        var queue = await CreateQueueAsync(maxReceiveCount: 1);
        await DeadLetterAsync(queue, ["d1", "d2", "d3"]);

        var all = await queue.PeekDeadLettersAsync(Queue, 10, None);
        var again = await queue.PeekDeadLettersAsync(Queue, 10, None);
        var two = await queue.PeekDeadLettersAsync(Queue, 2, None);

        all.Select(m => m.Body).ShouldBe(["d1", "d2", "d3"], ignoreOrder: true);
        all.Select(m => m.SentAt).ShouldBeInOrder(SortDirection.Ascending);
        again.Select(m => m.MessageId).ShouldBe(all.Select(m => m.MessageId), ignoreOrder: true);
        two.Count.ShouldBe(2);
        two.Select(m => m.MessageId).Distinct().Count().ShouldBe(2);
        two.Select(m => m.MessageId).ShouldBeSubsetOf(all.Select(m => m.MessageId));
        (await queue.ReceiveAsync(Queue, 10, TimeSpan.Zero, None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task RedriveAsync_ShouldMoveEveryDeadLetterBackToTheQueueWithAFreshReceiveCount()
    {
        // Twelve, so that the move takes more than one SQS batch of ten.
        var queue = await CreateQueueAsync(maxReceiveCount: 1);
        var bodies = Enumerable.Range(1, 12).Select(i => $"r{i}").ToList();
        await DeadLetterAsync(queue, bodies);
        (await queue.PeekDeadLettersAsync(Queue, 20, None)).Count.ShouldBe(12);

        var moved = await queue.RedriveAsync(Queue, None);

        moved.ShouldBe(12);
        (await queue.PeekDeadLettersAsync(Queue, 20, None)).ShouldBeEmpty();
        var received = new List<QueueMessage>();
        for (var attempt = 0; attempt < 30 && received.Count < bodies.Count; attempt++)
        {
            received.AddRange(await queue.ReceiveAsync(Queue, 10, LongVisibility, None));
        }

        received.Select(m => m.Body).ShouldBe(bodies, ignoreOrder: true);
        received.ShouldAllBe(m => m.ReceiveCount == 1);
    }

    [Fact]
    public async Task RedriveAsync_WhenThereAreNoDeadLetters_ShouldMoveNothing()
    {
        var queue = await CreateQueueAsync(maxReceiveCount: 3);
        await queue.SendAsync(Queue, "alive", None);

        (await queue.RedriveAsync(Queue, None)).ShouldBe(0);

        (await queue.ReceiveAsync(Queue, 10, LongVisibility, None)).ShouldHaveSingleItem().Body.ShouldBe("alive");
    }

    /// <summary>Sends the bodies and receives them with a zero timeout until the queue has handed all of them to its dead-letter queue.</summary>
    private static async Task DeadLetterAsync(IMessageQueue queue, IReadOnlyList<string> bodies)
    {
        foreach (var body in bodies)
        {
            await queue.SendAsync(Queue, body, None);
        }

        for (var attempt = 0; attempt < 20; attempt++)
        {
            if ((await queue.ReceiveAsync(Queue, 10, TimeSpan.Zero, None)).Count == 0)
            {
                return;
            }
        }

        throw new InvalidOperationException("the messages did not reach the dead-letter queue");
    }
}
