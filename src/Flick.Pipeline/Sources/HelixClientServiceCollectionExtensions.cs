using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Flick.Pipeline.Sources;

public static class HelixClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="HelixClient"/> as a typed HTTP client with validated options and one shared
    /// <see cref="HelixRateLimitGate"/>. Bind <see cref="HelixClientOptions"/> before or after; no I/O here.
    /// </summary>
    public static IHttpClientBuilder AddHelixClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<HelixClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HelixClientOptions>, HelixClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HelixRateLimitGate>();
        return services.AddHttpClient<HelixClient>();
    }
}
