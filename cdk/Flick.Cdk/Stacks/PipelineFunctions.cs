using Flick.Cdk.Constructs;
using Flick.Pipeline.Functions;

namespace Flick.Cdk.Stacks;

/// <summary>
/// The sizing of every pipeline function. Timeouts leave the slowest step room (a Puller walks up to
/// the source's page limit under a rate limit; Finalize rolls a whole window up); the reserved
/// concurrency bounds what one stage can take from the account and what it can put on the tables.
/// </summary>
public static class PipelineFunctions
{
    public static FunctionSpec Puller { get; } = new(FunctionNames.Puller, 512, 300, 4);
    public static FunctionSpec BackgroundStarter { get; } = new(FunctionNames.BackgroundStarter, 512, 120, 10);
    public static FunctionSpec SeriesStarter { get; } = new(FunctionNames.SeriesStarter, 256, 30, 4);
    public static FunctionSpec Prepare { get; } = new(FunctionNames.Prepare, 256, 60, 10);
    public static FunctionSpec Viewers { get; } = new(FunctionNames.Viewers, 512, 120, 20);
    public static FunctionSpec Channel { get; } = new(FunctionNames.Channel, 512, 120, 20);
    public static FunctionSpec Rankings { get; } = new(FunctionNames.Rankings, 512, 120, 20);
    public static FunctionSpec Finalize { get; } = new(FunctionNames.Finalize, 1024, 300, 10);
    public static FunctionSpec Failure { get; } = new(FunctionNames.Failure, 256, 60, 5);

    public static IReadOnlyList<FunctionSpec> All { get; } =
        [Puller, BackgroundStarter, SeriesStarter, Prepare, Viewers, Channel, Rankings, Finalize, Failure];

    /// <summary>The most each SQS event source lets Lambda run at once (at most the function's reserved concurrency).</summary>
    public const int PullerQueueConcurrency = 2;
    public const int IngestQueueConcurrency = 10;
    public const int RunsQueueConcurrency = 4;

    /// <summary>Messages per invocation: one pull at a time (a pull walks many pages under a rate limit), a few uploads, many run manifests.</summary>
    public const int PullerBatchSize = 1;
    public const int IngestBatchSize = 5;
    public const int RunsBatchSize = 10;
}
