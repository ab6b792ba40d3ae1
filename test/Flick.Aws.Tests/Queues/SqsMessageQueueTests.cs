using Amazon.SQS;
using Amazon.SQS.Model;
using Flick.Aws.Queues;

namespace Flick.Aws.Tests.Queues;

/// <summary>How the SQS adapter finds its queues: by name or URL from the options, and their dead-letter queues.</summary>
[Trait("Category", "Integration")]
public sealed class SqsMessageQueueTests : IAsyncLifetime
{
    private const string Logical = "ingest";
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly AmazonSQSClient _sqs = SqsEmulator.CreateClient();
    private readonly SqsTestQueues _queues;

    public SqsMessageQueueTests() => _queues = new SqsTestQueues(_sqs);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _queues.DeleteAsync();
        _sqs.Dispose();
    }

    [Fact]
    public async Task SendAsync_WhenTheQueueIsConfiguredByUrl_ShouldUseThatQueue()
    {
        var real = await _queues.CreateAsync("by-url", maxReceiveCount: 3);
        var url = (await _sqs.GetQueueUrlAsync(real)).QueueUrl;
        var queue = Create((Logical, url));

        var id = await queue.SendAsync(Logical, "via-url", None);

        var received = await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10 });
        received.Messages.ShouldHaveSingleItem().MessageId.ShouldBe(id);
    }

    [Fact]
    public async Task PeekDeadLettersAsync_WhenTheRedrivePolicyNamesAnotherQueue_ShouldReadThatQueue()
    {
        var real = await _queues.CreateAsync("policy", maxReceiveCount: 1, deadLetterSuffix: "-failed");
        var queue = Create((Logical, real));
        var failedUrl = (await _sqs.GetQueueUrlAsync(real + "-failed")).QueueUrl;
        await _sqs.SendMessageAsync(failedUrl, "parked");

        (await queue.PeekDeadLettersAsync(Logical, 10, None)).ShouldHaveSingleItem().Body.ShouldBe("parked");
        (await queue.RedriveAsync(Logical, None)).ShouldBe(1);
        (await queue.ReceiveAsync(Logical, 10, TimeSpan.FromMinutes(5), None)).ShouldHaveSingleItem().Body.ShouldBe("parked");
    }

    [Fact]
    public async Task PeekDeadLettersAsync_WhenTheQueueHasNoRedrivePolicy_ShouldReadTheDlqByConvention()
    {
        var real = await _queues.CreatePlainAsync("plain");
        var deadLetters = await _queues.CreatePlainAsync("plain-dlq");
        await _sqs.SendMessageAsync((await _sqs.GetQueueUrlAsync(deadLetters)).QueueUrl, "by-convention");
        var queue = Create((Logical, real));

        (await queue.PeekDeadLettersAsync(Logical, 10, None)).ShouldHaveSingleItem().Body.ShouldBe("by-convention");
    }

    [Fact]
    public async Task SendAsync_WhenTheQueueDoesNotExist_ShouldThrowTheServiceError()
    {
        var queue = Create((Logical, _queues.Stem + "-never-created"));

        await Should.ThrowAsync<QueueDoesNotExistException>(() => queue.SendAsync(Logical, "lost", None));
    }

    private SqsMessageQueue Create(params (string Logical, string Real)[] queues)
    {
        var options = new AwsOptions { Region = "us-east-1", ServiceUrl = SqsEmulator.Endpoint };
        foreach (var (logical, real) in queues)
        {
            options.Queues[logical] = real;
        }

        return new SqsMessageQueue(_sqs, options);
    }
}
