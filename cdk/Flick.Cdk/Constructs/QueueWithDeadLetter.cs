using Amazon.CDK;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace Flick.Cdk.Constructs;

/// <summary>
/// A work queue and its dead-letter queue: a message that fails <see cref="MaxReceiveCount"/> times is
/// moved aside instead of blocking the queue or being lost. The visibility timeout is six times the
/// consumer's timeout (AWS's advice for Lambda event sources, so that retries of a batch never overlap).
/// </summary>
public sealed class QueueWithDeadLetter : Construct
{
    public const int MaxReceiveCount = 5;

    /// <summary>Visibility timeout = this × the consuming function's timeout.</summary>
    public const int VisibilityTimeoutFactor = 6;

    public QueueWithDeadLetter(Construct scope, string id, string queueName, Duration consumerTimeout) : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(consumerTimeout);
        DeadLetterQueue = new Queue(this, "DeadLetterQueue", new QueueProps
        {
            QueueName = queueName + "-dlq",
            RetentionPeriod = Duration.Days(14),
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
        });
        Queue = new Queue(this, "Queue", new QueueProps
        {
            QueueName = queueName,
            VisibilityTimeout = Duration.Seconds(consumerTimeout.ToSeconds() * VisibilityTimeoutFactor),
            RetentionPeriod = Duration.Days(4),
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
            DeadLetterQueue = new DeadLetterQueue { Queue = DeadLetterQueue, MaxReceiveCount = MaxReceiveCount },
        });
    }

    public Queue Queue { get; }

    public Queue DeadLetterQueue { get; }
}
