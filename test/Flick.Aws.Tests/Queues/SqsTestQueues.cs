using Amazon.SQS;
using Amazon.SQS.Model;

namespace Flick.Aws.Tests.Queues;

/// <summary>
/// A source queue and its dead-letter queue for one test, with names of their own, created as the deployment
/// creates them: the source queue's redrive policy names the dead-letter queue and the maximum receive count.
/// </summary>
internal sealed class SqsTestQueues(IAmazonSQS sqs)
{
    private readonly List<string> _urls = [];

    public string Stem { get; } = "flick-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Creates <c>&lt;stem&gt;-&lt;name&gt;</c> and its dead-letter queue (by default <c>...-dlq</c>); returns the source queue's name.</summary>
    public async Task<string> CreateAsync(string name, int maxReceiveCount, string deadLetterSuffix = "-dlq")
    {
        var source = $"{Stem}-{name}";
        var deadLetters = await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = source + deadLetterSuffix });
        _urls.Add(deadLetters.QueueUrl);
        var arn = (await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = deadLetters.QueueUrl, AttributeNames = ["QueueArn"] })).QueueARN;
        var created = await sqs.CreateQueueAsync(new CreateQueueRequest
        {
            QueueName = source,
            Attributes = new Dictionary<string, string>
            {
                ["RedrivePolicy"] = $$"""{"deadLetterTargetArn":"{{arn}}","maxReceiveCount":"{{maxReceiveCount}}"}""",
            },
        });
        _urls.Add(created.QueueUrl);
        return source;
    }

    /// <summary>Creates a queue with no redrive policy; returns its name.</summary>
    public async Task<string> CreatePlainAsync(string name)
    {
        var created = await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = $"{Stem}-{name}" });
        _urls.Add(created.QueueUrl);
        return $"{Stem}-{name}";
    }

    public async Task DeleteAsync()
    {
        foreach (var url in _urls)
        {
            await sqs.DeleteQueueAsync(url);
        }
    }
}
