using Flick.Local.Runtime;
using Flick.Local.Simulator;
using Flick.Testing;

namespace Flick.Local.Tests.EndToEnd;

/// <summary>
/// A data set written by <see cref="SimulatedPulls"/> for the same world, size and minutes as a
/// backfill over HTTP, and an <c>--import</c> run of it in its own data directory.
/// </summary>
public sealed class ImportFixture : IAsyncLifetime
{
    public const int Channels = 300;
    public const int Minutes = 12;

    public BackfillRun Pulled { get; private set; } = null!;

    public string DataSet { get; } = Path.Combine(Path.GetTempPath(), "flick-dataset-" + Guid.NewGuid().ToString("N"));

    public string ImportDirectory { get; } = Path.Combine(Path.GetTempPath(), "flick-import-" + Guid.NewGuid().ToString("N"));

    public SimulatedPullsSummary Written { get; private set; } = null!;

    public RunSummary Summary { get; private set; } = null!;

    public int Notifications { get; private set; }

    public async Task InitializeAsync()
    {
        var pulled = Path.Combine(Path.GetTempPath(), "flick-e2e-" + Guid.NewGuid().ToString("N"));
        Pulled = await BackfillRun.RunAsync(BackfillRun.OptionsFor(pulled, Channels, Minutes), pulled);
        var world = new SimulatorOptions { Channels = Channels, Seed = Pulled.Options.Seed };
        Written = await SimulatedPulls.WriteAsync(DataSet, world, LocalHost.SimulatedSource, BackfillRun.End.AddMinutes(-Minutes), Minutes, 100, CancellationToken.None);
        var options = BackfillRun.OptionsFor(ImportDirectory, Channels, Minutes) with { Import = DataSet, End = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        (Summary, Notifications) = await BackfillRun.StartAsync(options);
    }

    /// <summary>The independent model, fed with the data set's pages.</summary>
    public ReferenceModel Reference() => BackfillRun.ReferenceOf(DataSet);

    public async Task DisposeAsync()
    {
        await Pulled.DisposeAsync();
        foreach (var directory in new[] { DataSet, ImportDirectory })
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
