namespace Flick.Aws.Tables;

/// <summary>
/// The tables behind the table ports. Most use a generic string key pair (<c>pk</c>, <c>sk</c>)
/// whose values each adapter composes; the layout of every table is described in the README of
/// this folder.
/// </summary>
public static class DynamoTableDefinitions
{
    /// <summary>Partition key attribute of the tables with a composed key.</summary>
    public const string PartitionKey = "pk";

    /// <summary>Sort key attribute of the tables with a composed key.</summary>
    public const string SortKey = "sk";

    /// <summary>The raw table (<c>IPullLog</c>): one item per pull; index by source, newest first.</summary>
    public static DynamoTableDefinition Pulls { get; } = new(
        "pulls",
        DynamoKey.Text("pull_id"),
        null,
        [new DynamoIndexDefinition(PullsBySource, DynamoKey.Text("source"), DynamoKey.Text("started_key"))]);

    /// <summary>Run records, per-slot step marks and the list of series (<c>IRunStore</c>).</summary>
    public static DynamoTableDefinition Runs { get; } = new(
        "runs",
        DynamoKey.Text(PartitionKey),
        DynamoKey.Text(SortKey),
        [new DynamoIndexDefinition(RunsBySeries, DynamoKey.Text("series_id"), DynamoKey.Text("created_key"))]);

    /// <summary>Per-slot viewer metrics (<c>IViewerMetricsStore</c>): channel and game hours, totals, slot members.</summary>
    public static DynamoTableDefinition Viewers { get; } = Composed("viewers");

    /// <summary>Per-slot rankings (<c>IRankingStore</c>): one item per (series, slot).</summary>
    public static DynamoTableDefinition Rankings { get; } = Composed("rankings");

    /// <summary>Channel profiles (<c>IChannelProfileStore</c>): one item per (series, channel).</summary>
    public static DynamoTableDefinition Profiles { get; } = Composed("profiles");

    /// <summary>Window roll-ups (<c>IWindowRollupStore</c>): a head item and chunked figure items per window.</summary>
    public static DynamoTableDefinition Rollups { get; } = Composed("rollups");

    public static IReadOnlyList<DynamoTableDefinition> All { get; } = [Pulls, Runs, Viewers, Rankings, Profiles, Rollups];

    /// <summary>The index of <see cref="Pulls"/> by source, sorted by start time then pull id.</summary>
    public const string PullsBySource = "by-source";

    /// <summary>The index of <see cref="Runs"/> by series, sorted by creation time then run id.</summary>
    public const string RunsBySeries = "by-series";

    private static DynamoTableDefinition Composed(string suffix) =>
        new(suffix, DynamoKey.Text(PartitionKey), DynamoKey.Text(SortKey), []);
}
