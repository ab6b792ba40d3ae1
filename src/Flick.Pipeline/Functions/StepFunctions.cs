using Flick.Core.Domain.Runs;
using Flick.Pipeline.Events;
using Flick.Pipeline.Steps;

namespace Flick.Pipeline.Functions;

// The Step Functions tasks: one small adapter each, over RunSteps and SlotSteps.

public sealed class PrepareFunction(RunSteps steps) : JsonFunction<RunManifest, PreparedRun>(PipelineJson.Default.RunManifest, PipelineJson.Default.PreparedRun)
{
    public override string Name => FunctionNames.Prepare;

    protected override Task<PreparedRun> HandleAsync(RunManifest request, CancellationToken cancellationToken) => steps.PrepareAsync(request, cancellationToken);
}

public sealed class ViewersFunction(SlotSteps steps) : JsonFunction<SlotTask, SlotStepResult>(PipelineJson.Default.SlotTask, PipelineJson.Default.SlotStepResult)
{
    public override string Name => FunctionNames.Viewers;

    protected override Task<SlotStepResult> HandleAsync(SlotTask request, CancellationToken cancellationToken) => steps.ViewersAsync(request, cancellationToken);
}

public sealed class ChannelFunction(SlotSteps steps) : JsonFunction<SlotTask, SlotStepResult>(PipelineJson.Default.SlotTask, PipelineJson.Default.SlotStepResult)
{
    public override string Name => FunctionNames.Channel;

    protected override Task<SlotStepResult> HandleAsync(SlotTask request, CancellationToken cancellationToken) => steps.ChannelAsync(request, cancellationToken);
}

public sealed class RankingsFunction(SlotSteps steps) : JsonFunction<SlotTask, SlotStepResult>(PipelineJson.Default.SlotTask, PipelineJson.Default.SlotStepResult)
{
    public override string Name => FunctionNames.Rankings;

    protected override Task<SlotStepResult> HandleAsync(SlotTask request, CancellationToken cancellationToken) => steps.RankingsAsync(request, cancellationToken);
}

public sealed class FinalizeFunction(RunSteps steps) : JsonFunction<PreparedRun, SeriesNotification>(PipelineJson.Default.PreparedRun, PipelineJson.Default.SeriesNotification)
{
    public override string Name => FunctionNames.Finalize;

    protected override Task<SeriesNotification> HandleAsync(PreparedRun request, CancellationToken cancellationToken) => steps.FinalizeAsync(request, cancellationToken);
}

public sealed class FailureFunction(RunSteps steps) : JsonFunction<FailedRun, SeriesNotification>(PipelineJson.Default.FailedRun, PipelineJson.Default.SeriesNotification)
{
    public override string Name => FunctionNames.Failure;

    protected override Task<SeriesNotification> HandleAsync(FailedRun request, CancellationToken cancellationToken) => steps.FailAsync(request, cancellationToken);
}
