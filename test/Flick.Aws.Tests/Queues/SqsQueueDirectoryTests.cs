using Flick.Aws.Queues;

namespace Flick.Aws.Tests.Queues;

public sealed class SqsQueueDirectoryTests
{
    [Theory]
    [InlineData("""{"deadLetterTargetArn":"arn:aws:sqs:eu-west-1:123456789012:flick-prod-ingest-dlq","maxReceiveCount":"5"}""", "flick-prod-ingest-dlq")]
    [InlineData("""{"maxReceiveCount":3,"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:x"}""", "x")]
    public void DeadLetterNameIn_WhenThePolicyNamesATarget_ShouldReturnTheQueueNameAtTheEndOfItsArn(string policy, string expected) =>
        SqsQueueDirectory.DeadLetterNameIn(policy).ShouldBe(expected);

    [Theory]
    [InlineData("""{"maxReceiveCount":"5"}""")]
    [InlineData("""{"deadLetterTargetArn":""}""")]
    public void DeadLetterNameIn_WhenThePolicyNamesNoTarget_ShouldThrow(string policy) =>
        Should.Throw<InvalidOperationException>(() => SqsQueueDirectory.DeadLetterNameIn(policy));
}
