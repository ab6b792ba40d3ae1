namespace Flick.Aws.Tables;

/// <summary>Settings of the DynamoDB table adapters.</summary>
public sealed record DynamoTablesOptions
{
    /// <summary>Prepended to each table's suffix (<see cref="DynamoTableDefinition.Suffix"/>) to form its name.</summary>
    public string TablePrefix { get; init; } = "flick-";

    /// <summary>Requests of one batch (the first included) before items or keys still unprocessed fail it.</summary>
    public int MaxBatchAttempts { get; init; } = 8;

    /// <summary>The first backoff of a retried batch, a lost profile merge or a busy slot; it doubles per attempt.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The largest backoff between two attempts.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Single-item writes in flight at once (a slot's minute entries, a batch's profiles).</summary>
    public int MaxConcurrency { get; init; } = 16;

    /// <summary>
    /// Items per Query page; null leaves DynamoDB's 1 MB pages. Tests set it low so that every read
    /// goes through more than one page.
    /// </summary>
    public int? QueryPageSize { get; init; }

    /// <summary>
    /// How long a writer holds a slot of the viewer table before another writer may take it over
    /// (a writer that crashed never releases it). A slot write takes seconds, so minutes are ample.
    /// </summary>
    public TimeSpan SlotLeaseDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Read-merge-write attempts of one channel profile that keeps losing to concurrent merges.</summary>
    public int MaxMergeAttempts { get; init; } = 25;

    public string TableName(DynamoTableDefinition table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return TablePrefix + table.Suffix;
    }

    /// <summary>Throws when a setting is out of range, so a misconfiguration fails at start.</summary>
    public DynamoTablesOptions Validate()
    {
        ArgumentNullException.ThrowIfNull(TablePrefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMergeAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrency, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryBaseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryMaxDelay, RetryBaseDelay);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SlotLeaseDuration, TimeSpan.Zero);
        if (QueryPageSize is { } size)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(QueryPageSize));
        }

        return this;
    }
}
