using BenchmarkDotNet.Attributes;
using Flick.Core.Parsing;
using Flick.Core.Semantics;

namespace Flick.Kernels;

/// <summary>The raw parser over one 10,000-channel pull (100 Helix pages), and the slot grouping behind it.</summary>
public class ParserKernels
{
    private KernelData _data = null!;
    private ParseOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = KernelData.Create();
        _options = new ParseOptions { Format = InputFormat.HelixPage, Series = KernelData.Series, PullTime = KernelData.PullTime };
    }

    /// <summary>Every page through the streaming parser into a sink that only counts: the parser alone.</summary>
    [Benchmark(Description = "parse-pages")]
    public async Task<long> ParsePages()
    {
        var sink = new CountingSink();
        foreach (var page in _data.Pages)
        {
            using var stream = new MemoryStream(page, writable: false);
            await RawInputParser.ParseAsync(stream, _options, sink, CancellationToken.None);
        }

        return sink.Observations;
    }

    /// <summary>The ingest path: pages parsed whole-sample into the slot grouping, then the slot's ordered content.</summary>
    [Benchmark(Description = "parse-and-group")]
    public async Task<int> ParseAndGroup()
    {
        var accumulator = new SlotAccumulator();
        foreach (var page in _data.Pages)
        {
            using var stream = new MemoryStream(page, writable: false);
            var whole = new WholeSampleSink(accumulator);
            await RawInputParser.ParseAsync(stream, _options, whole, CancellationToken.None);
            whole.Complete();
        }

        return accumulator.Slots().Single().Observations.Count;
    }

    /// <summary>The silver document of the slot read back, as each slot step's loader does.</summary>
    [Benchmark(Description = "parse-silver")]
    public async Task<int> ParseSilver()
    {
        var accumulator = new SlotAccumulator();
        using var stream = new MemoryStream(_data.Silver, writable: false);
        await RawInputParser.ParseAsync(stream, new ParseOptions { Format = InputFormat.SeriesDocument }, accumulator, CancellationToken.None);
        return accumulator.Slots().Single().Observations.Count;
    }
}
