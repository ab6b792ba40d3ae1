using Flick.Aws.JsonProtocol;

namespace Flick.Aws.Tests.JsonProtocol;

public sealed class AwsRetryPolicyTests
{
    private static readonly AwsRetryPolicy Policy = new() { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(700) };

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(3, 400)]
    [InlineData(4, 700)]
    [InlineData(60, 700)]
    public void DelayCap_WhenRetriesAccumulate_ShouldDoubleFromTheBaseUpToTheMaximum(int retry, int expectedMilliseconds)
    {
        Policy.DelayCap(retry).ShouldBe(TimeSpan.FromMilliseconds(expectedMilliseconds));
    }

    [Fact]
    public void DelayBeforeRetry_WhenGivenASample_ShouldScaleTheCapByIt()
    {
        Policy.DelayBeforeRetry(3, 0.25).ShouldBe(TimeSpan.FromMilliseconds(100));
        Policy.DelayBeforeRetry(3, 0).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Validate_WhenNoAttemptIsAllowed_ShouldThrow()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => (Policy with { MaxAttempts = 0 }).Validate());
    }
}
