using Flick.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Flick.Local.Data;

public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SqliteDatabase"/> on <c>&lt;dataDirectory&gt;/flick.db</c> and the SQLite stores as
    /// their ports. Nothing is opened here: the schema is created by <see cref="SqliteDatabase.InitializeAsync"/>
    /// at start, or at the first use.
    /// </summary>
    public static IServiceCollection AddFlickSqliteStores(this IServiceCollection services, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        services.AddSingleton(_ => new SqliteDatabase(dataDirectory));
        services.AddSingleton<IPullLog, SqlitePullLog>();
        services.AddSingleton<IRunStore, SqliteRunStore>();
        services.AddSingleton<IViewerMetricsStore, SqliteViewerMetricsStore>();
        services.AddSingleton<IRankingStore, SqliteRankingStore>();
        services.AddSingleton<IChannelProfileStore, SqliteChannelProfileStore>();
        services.AddSingleton<IWindowRollupStore, SqliteWindowRollupStore>();
        return services;
    }
}
