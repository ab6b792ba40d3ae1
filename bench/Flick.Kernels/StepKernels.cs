using BenchmarkDotNet.Attributes;
using Flick.Kernels.Ports;
using Flick.Pipeline;
using Flick.Pipeline.Events;
using Flick.Pipeline.Gold;
using Flick.Pipeline.Layout;
using Flick.Pipeline.Steps;

namespace Flick.Kernels;

/// <summary>
/// The three slot steps of the state machine over one 10,000-channel slot, with in-memory ports: the
/// figures, the gold Parquet files and the table writes' own work, without a disk or a database.
/// As in a run, the slot is loaded once and the steps share it; <c>step-load</c> is that load.
/// </summary>
public class StepKernels
{
    private readonly BucketNames _buckets = new();
    private MemoryObjectStore _store = null!;
    private MemoryTables _tables = null!;
    private SlotSteps _steps = null!;
    private SlotTask _task = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = KernelData.Create();
        _store = new MemoryObjectStore();
        _store.Put(_buckets.Series, StorageLayout.SlotPart(KernelData.Series, KernelData.Slot, "kernels"), data.Silver);
        _tables = new MemoryTables();
        _steps = Steps(new SlotLoader(_store, _buckets));
        _task = new SlotTask("run-kernels", KernelData.Series.Value, KernelData.Slot.ToString());

        // Warms the shared loader, as the first of the three steps does in a run.
        _steps.ViewersAsync(_task, CancellationToken.None).GetAwaiter().GetResult();
    }

    [Benchmark(Description = "step-load")]
    public async Task<int> Load()
    {
        var content = await new SlotLoader(_store, _buckets).LoadAsync(KernelData.Series, KernelData.Slot, CancellationToken.None);
        return content.Observations.Count;
    }

    [Benchmark(Description = "step-viewers")]
    public Task<SlotStepResult> Viewers() => _steps.ViewersAsync(_task, CancellationToken.None);

    [Benchmark(Description = "step-channel")]
    public Task<SlotStepResult> Channel() => _steps.ChannelAsync(_task, CancellationToken.None);

    [Benchmark(Description = "step-rankings")]
    public Task<SlotStepResult> Rankings() => _steps.RankingsAsync(_task, CancellationToken.None);

    private SlotSteps Steps(SlotLoader loader) =>
        new(loader, _tables, _tables, _tables, _tables, new GoldWriter(_store, _buckets), new PipelineOptions());
}
