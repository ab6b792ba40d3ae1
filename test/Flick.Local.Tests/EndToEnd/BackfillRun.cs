using System.Text.Json;
using Flick.Local.Runtime;
using Flick.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Flick.Local.Tests.EndToEnd;

/// <summary>A finished <c>--once</c> backfill in a temporary data directory, and what it pulled.</summary>
public sealed class BackfillRun : IAsyncDisposable
{
    public static readonly DateTimeOffset End = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private BackfillRun(string dataDirectory, LocalOptions options, RunSummary summary, int notifications)
    {
        DataDirectory = dataDirectory;
        Options = options;
        Summary = summary;
        Notifications = notifications;
    }

    public string DataDirectory { get; }

    public LocalOptions Options { get; }

    public RunSummary Summary { get; }

    public int Notifications { get; }

    public static LocalOptions OptionsFor(string dataDirectory, int channels = 300, int minutes = 12) => new()
    {
        DataDirectory = dataDirectory,
        Channels = channels,
        Minutes = minutes,
        Once = true,
        End = End,
        Seed = 7,
    };

    public static async Task<BackfillRun> RunAsync(LocalOptions? options = null, string? dataDirectory = null)
    {
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "flick-e2e-" + Guid.NewGuid().ToString("N"));
        options ??= OptionsFor(dataDirectory);
        var (summary, notifications) = await StartAsync(options);
        return new BackfillRun(dataDirectory, options, summary, notifications);
    }

    /// <summary>Starts the runtime on the options' data directory and waits for the backfill to finish.</summary>
    public static async Task<(RunSummary Summary, int Notifications)> StartAsync(LocalOptions options)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var host = await LocalHost.StartAsync(options, b => b.SetMinimumLevel(LogLevel.Warning), timeout.Token);
        var runtime = host.Services.GetRequiredService<LocalRuntime>();
        var summary = await runtime.RunAsync(null, timeout.Token);
        return (summary, runtime.Notifications);
    }

    /// <summary>The independent model of the run, fed with the bronze pages exactly as they were received.</summary>
    public ReferenceModel Reference() => ReferenceOf(Path.Combine(DataDirectory, "buckets", "raw"));

    /// <summary>
    /// The independent model fed with every pull under the raw folders (a raw bucket, or a data set
    /// written like one): each manifest's pages, at its pull time.
    /// </summary>
    public static ReferenceModel ReferenceOf(params string[] rawFolders)
    {
        var model = new ReferenceModel();
        foreach (var raw in rawFolders)
        {
            foreach (var manifestPath in Directory.EnumerateFiles(Path.Combine(raw, "pulls"), "manifest.json", SearchOption.AllDirectories))
            {
                using var manifest = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
                var at = manifest.RootElement.GetProperty("at").GetDateTimeOffset().UtcDateTime;
                foreach (var page in manifest.RootElement.GetProperty("pages").EnumerateArray())
                {
                    model.AddHelixPage("sim", at, File.ReadAllText(Path.Combine(raw, page.GetProperty("key").GetString()!)));
                }
            }
        }

        return model;
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }
}
