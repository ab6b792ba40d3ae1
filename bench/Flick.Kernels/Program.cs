using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Flick.Kernels;

// BenchmarkDotNet's own arguments (--filter, --job, ...) pass through. Benchmarks run in process
// unless --out-of-process is given: the kernels then need no generated project build, which keeps
// a short job of all of them well under three minutes. After the run, one line per kernel:
//   BENCH {"name":"kernel/<name>","ms":<mean>,"alloc_bytes":<per operation>}
// (--bench-lines is accepted for scripts that ask for them explicitly; they are always printed.)
var passed = args.Where(a => a is not "--bench-lines" and not "--out-of-process").ToList();
if (!args.Contains("--out-of-process") && !passed.Any(a => a.Equals("--inProcess", StringComparison.OrdinalIgnoreCase) || a == "-i"))
{
    passed.Add("--inProcess");
}

var config = DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default);
var summaries = BenchmarkSwitcher
    .FromTypes([typeof(ParserKernels), typeof(SlotKernels), typeof(StepKernels)])
    .Run([.. passed], config);

var failed = false;
foreach (var report in summaries.SelectMany(s => s.Reports))
{
    if (report.ResultStatistics is not { } statistics)
    {
        Console.Error.WriteLine($"kernel {report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo} gave no result");
        failed = true;
        continue;
    }

    Console.WriteLine("BENCH " + Line(report, statistics.Mean));
}

return failed ? 1 : 0;

static string Line(BenchmarkReport report, double meanNanoseconds)
{
    using var buffer = new MemoryStream();
    using (var writer = new Utf8JsonWriter(buffer))
    {
        writer.WriteStartObject();
        writer.WriteString("name", "kernel/" + report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\''));
        writer.WriteNumber("ms", Math.Round(meanNanoseconds / 1e6, 4));
        writer.WriteNumber("alloc_bytes", report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0);
        writer.WriteEndObject();
    }

    return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
}
