using System.Diagnostics;
using System.Globalization;

namespace Flick.LambdaBench;

/// <summary>
/// Starts a <c>bootstrap</c> as Lambda does (its environment names the Runtime API and the handler), serves it
/// one invocation, and takes the time from the process start to its first posted outcome and the peak
/// resident set size of the process (<c>VmHWM</c> of /proc, read before the process is ended).
/// </summary>
internal static class BootstrapRun
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public static async Task<Result> InvokeOnceAsync(string bootstrap, string handler, string payload, IReadOnlyDictionary<string, string> environment)
    {
        var clock = new Stopwatch();
        await using var api = new RuntimeApiStub(payload, clock);
        var start = new ProcessStartInfo(bootstrap)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = api.Address;
        start.Environment["_HANDLER"] = handler;
        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "flick-" + handler;
        start.Environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        clock.Start();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{bootstrap} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        RuntimeApiStub.Outcome outcome;
        try
        {
            outcome = await api.OutcomeAsync(Patience);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{bootstrap} ({handler}) posted nothing within {Patience}:\n{await stderr}");
        }

        var peakKb = PeakResidentKilobytes(process.Id);
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        var log = await stdout;
        return new Result(outcome.Kind, outcome.Body, outcome.Arrived, peakKb, log + await stderr);
    }

    /// <summary>The process's peak resident set size so far, from <c>/proc/PID/status</c>.</summary>
    private static long PeakResidentKilobytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    internal sealed record Result(string Kind, string Body, TimeSpan Elapsed, long PeakResidentKilobytes, string Log);
}
