using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Flick.Local.Tests.EndToEnd;

/// <summary>
/// Kills <c>Flick.Local --once</c> (SIGKILL) in the middle of its backfill, starts it again on the
/// same data directory, and compares the gold output with an uninterrupted run's.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class CrashSafetyTests
{
    private const int Minutes = 20;

    [Fact]
    public async Task Backfill_WhenKilledAndRestarted_ShouldEndWithTheSameGoldAsAnUninterruptedRun()
    {
        var reference = Path.Combine(Path.GetTempPath(), "flick-e2e-" + Guid.NewGuid().ToString("N"));
        await using var uninterrupted = await BackfillRun.RunAsync(BackfillRun.OptionsFor(reference, minutes: Minutes), reference);
        var expected = GoldSnapshot.Take(uninterrupted.DataDirectory);

        var dataDirectory = Path.Combine(Path.GetTempPath(), "flick-crash-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var first = Start(dataDirectory))
            {
                await WaitForRunsAsync(dataDirectory, atLeast: 2, first, TimeSpan.FromMinutes(3));
                first.Kill(entireProcessTree: true);   // SIGKILL on Linux
                await first.WaitForExitAsync();
            }

            SucceededRuns(dataDirectory).ShouldBeLessThan(Minutes, "the process should have been killed before the end");

            using var second = Start(dataDirectory);
            var output = second.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await second.WaitForExitAsync(timeout.Token);
            second.ExitCode.ShouldBe(0, await output);

            GoldSnapshot.ShouldEqual(GoldSnapshot.Take(dataDirectory), expected);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static Process Start(string dataDirectory)
    {
        var options = BackfillRun.OptionsFor(dataDirectory, minutes: Minutes);
        var dll = Path.Combine(AppContext.BaseDirectory, "Flick.Local.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     dll, "--once", "--data-dir", dataDirectory, "--channels", options.Channels.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--minutes", options.Minutes.ToString(System.Globalization.CultureInfo.InvariantCulture), "--end", options.End!.Value.ToString("O"),
                     "--seed", options.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForRunsAsync(string dataDirectory, int atLeast, Process process, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (SucceededRuns(dataDirectory) < atLeast)
        {
            process.HasExited.ShouldBeFalse("the backfill ended before it could be interrupted");
            watch.Elapsed.ShouldBeLessThan(limit, "no run finished in time");
            await Task.Delay(50);
        }
    }

    private static int SucceededRuns(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "flick.db");
        if (!File.Exists(path))
        {
            return 0;
        }

        try
        {
            using var db = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = "SELECT count(*) FROM runs WHERE status = 'Succeeded'";
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0;   // not created yet
        }
    }
}
