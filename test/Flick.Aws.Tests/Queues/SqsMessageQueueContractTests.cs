using Amazon.SQS;
using Flick.Aws.Queues;
using Flick.Core.Ports;
using Flick.Testing.Contracts;

namespace Flick.Aws.Tests.Queues;

/// <summary>
/// The message queue contract on SQS (the fauxqs emulator). Time is the wall clock: the contract's short
/// visibility timeout is one second, SQS's smallest.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SqsMessageQueueContractTests : MessageQueueContract, IAsyncLifetime
{
    private readonly AmazonSQSClient _sqs = SqsEmulator.CreateClient();
    private readonly SqsTestQueues _queues;

    public SqsMessageQueueContractTests() => _queues = new SqsTestQueues(_sqs);

    protected override DateTimeOffset Now => DateTimeOffset.UtcNow;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _queues.DeleteAsync();
        _sqs.Dispose();
    }

    protected override async Task<IMessageQueue> CreateQueueAsync(int maxReceiveCount)
    {
        var real = await _queues.CreateAsync(Queue, maxReceiveCount);
        var options = new AwsOptions { Region = "us-east-1", ServiceUrl = SqsEmulator.Endpoint };
        options.Queues[Queue] = real;
        return new SqsMessageQueue(_sqs, options);
    }

    protected override Task LetTimePassAsync(TimeSpan duration) => Task.Delay(duration);
}
