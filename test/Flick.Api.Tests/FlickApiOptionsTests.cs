using Flick.Api.Options;
using Microsoft.Extensions.Configuration;

namespace Flick.Api.Tests;

/// <summary>The settings a deployment gives through configuration or the environment.</summary>
public sealed class FlickApiOptionsTests
{
    [Fact]
    public void FromConfiguration_ShouldBindTheCacheSwitchTheRateLimitsAndTheTrustedProxies()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Flick:Api:Cache:Enabled"] = "false",
            ["Flick:Api:RateLimits:PerUserPerMinute"] = "5000000",
            ["Flick:Api:ForwardedHeaders:KnownProxies:0"] = "10.0.1.5",
            ["Flick:Api:ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/16",
            ["Flick:Api:ForwardedHeaders:KnownNetworks:1"] = "fd00::/8",
        }).Build();

        var options = FlickApiOptions.FromConfiguration(configuration);

        options.Cache.Enabled.ShouldBeFalse();
        options.RateLimits.PerUserPerMinute.ShouldBe(5_000_000);
        options.ForwardedHeaders.KnownProxies.ShouldBe(["10.0.1.5"]);
        options.ForwardedHeaders.KnownNetworks.ShouldBe(["10.0.0.0/16", "fd00::/8"]);
        options.ForwardedHeaders.Enabled.ShouldBeTrue();
        options.Problems().ShouldBeEmpty();
    }

    [Fact]
    public void ByDefault_TheCacheShouldBeOn_AndNoProxyTrusted()
    {
        var options = FlickApiOptions.FromConfiguration(new ConfigurationBuilder().Build());
        options.Cache.Enabled.ShouldBeTrue();
        options.ForwardedHeaders.Enabled.ShouldBeFalse();
    }

    [Fact]
    public void ABadProxyOrNetwork_ShouldBeNamedAtStart()
    {
        var options = new FlickApiOptions();
        options.ForwardedHeaders.KnownProxies.Add("10.0.1");
        options.ForwardedHeaders.KnownNetworks.Add("10.0.0.0/40");
        options.ForwardedHeaders.KnownNetworks.Add("everyone");

        var problems = options.Problems().ToList();

        problems.Count.ShouldBe(3);
        problems.ShouldContain(p => p.Contains("'10.0.1'", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains("'10.0.0.0/40'", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains("'everyone'", StringComparison.Ordinal));
        Should.Throw<InvalidOperationException>(options.Validate);
    }
}
