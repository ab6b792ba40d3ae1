using System.Diagnostics;

namespace Flick.Local.Tests.EndToEnd;

/// <summary>The command line of Flick.Local, run as a user runs it.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("65")]
    public async Task Executions_OutsideTheRange_ShouldExitWithCode2AndSayWhy(string value)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "flick-cli-" + Guid.NewGuid().ToString("N"));
        var (exitCode, error) = await RunAsync("--once", "--no-api", "--data-dir", dataDirectory, "--executions", value);

        exitCode.ShouldBe(2);
        error.ShouldContain("--executions must be within 1..64");
        Directory.Exists(dataDirectory).ShouldBeFalse();
    }

    private static async Task<(int ExitCode, string Error)> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Flick.Local.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        await output;
        return (process.ExitCode, await error);
    }
}
