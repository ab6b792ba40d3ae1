using Flick.Pipeline.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Flick.Pipeline.Tests.Sources;

public class HelixClientServiceCollectionExtensionsTests
{
    [Fact]
    public void AddHelixClient_ShouldResolveTypedClientsThatShareOneGate()
    {
        using var provider = new ServiceCollection().AddLogging().AddHelixClient().Services.BuildServiceProvider();

        provider.GetRequiredService<HelixClient>().ShouldNotBeSameAs(provider.GetRequiredService<HelixClient>());
        provider.GetRequiredService<HelixRateLimitGate>().ShouldBeSameAs(provider.GetRequiredService<HelixRateLimitGate>());
    }

    [Fact]
    public void AddHelixClient_WhenTheOptionsAreInvalid_ShouldFailOnResolve()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddHelixClient();
        services.Configure<HelixClientOptions>(o => o.MaxBodyBytes = 0);
        using var provider = services.BuildServiceProvider();

        Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<HelixClient>()).Message.ShouldContain("MaxBodyBytes");
    }
}
