using Flick.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Flick.Local.Storage;

public static class FolderStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FolderObjectStore"/> on <paramref name="bucketsDirectory"/> (<c>&lt;data-dir&gt;/buckets</c>)
    /// as <see cref="IObjectStore"/>. An <see cref="IObjectCreatedListener"/> must be registered too. The folder
    /// is created, and crash leftovers cleaned, when the store is first resolved.
    /// </summary>
    public static IServiceCollection AddFlickFolderObjectStore(this IServiceCollection services, string bucketsDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(bucketsDirectory);
        services.AddSingleton<IObjectStore>(provider => new FolderObjectStore(bucketsDirectory, provider.GetRequiredService<IObjectCreatedListener>()));
        return services;
    }
}
