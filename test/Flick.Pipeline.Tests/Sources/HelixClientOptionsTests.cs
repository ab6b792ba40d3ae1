using Flick.Pipeline.Sources;

namespace Flick.Pipeline.Tests.Sources;

public class HelixClientOptionsTests
{
    [Fact]
    public void Validate_WhenDefaults_ShouldPass()
    {
        new HelixClientOptionsValidator().Validate(null, new HelixClientOptions()).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Defaults_ShouldMatchHelixsLimits()
    {
        var options = new HelixClientOptions();

        options.MaxAttempts.ShouldBe(4);
        options.MaxBodyBytes.ShouldBe(16 * 1024 * 1024);
        options.MaxRateLimitWait.ShouldBe(TimeSpan.FromSeconds(65));
    }

    [Theory]
    [InlineData(nameof(HelixClientOptions.MaxAttempts))]
    [InlineData(nameof(HelixClientOptions.RequestTimeout))]
    [InlineData(nameof(HelixClientOptions.BackoffBase))]
    [InlineData(nameof(HelixClientOptions.MaxRateLimitWait))]
    [InlineData(nameof(HelixClientOptions.MaxBodyBytes))]
    public void Validate_WhenASettingIsOutOfRange_ShouldNameIt(string setting)
    {
        var options = setting switch
        {
            nameof(HelixClientOptions.MaxAttempts) => new HelixClientOptions { MaxAttempts = 0 },
            nameof(HelixClientOptions.RequestTimeout) => new HelixClientOptions { RequestTimeout = TimeSpan.Zero },
            nameof(HelixClientOptions.BackoffBase) => new HelixClientOptions { BackoffBase = TimeSpan.FromSeconds(30), BackoffMax = TimeSpan.FromSeconds(1) },
            nameof(HelixClientOptions.MaxRateLimitWait) => new HelixClientOptions { MaxRateLimitWait = TimeSpan.FromSeconds(-1) },
            _ => new HelixClientOptions { MaxBodyBytes = 0 },
        };

        var result = new HelixClientOptionsValidator().Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain(setting);
    }
}
