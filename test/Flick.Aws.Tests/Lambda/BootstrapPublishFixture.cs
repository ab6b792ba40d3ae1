using System.Diagnostics;

namespace Flick.Aws.Tests.Lambda;

/// <summary>
/// Publishes the <c>bootstrap</c> (Native AOT, linux-x64) once for the tests that start it as a
/// process. It is the same command scripts/build.sh runs, so a trim/AOT warning fails it here too.
/// </summary>
public sealed class BootstrapPublishFixture : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

    public string Executable { get; private set; } = string.Empty;

    public string PublishLog { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot();
        var output = Path.Combine(Path.GetTempPath(), $"flick-bootstrap-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "publish", Path.Combine(root, "src", "Flick.Lambda", "Flick.Lambda.csproj"), "-c", "Release", "-r", "linux-x64", "-o", output, "--nologo" },
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test host's MSBuild variables would point a nested build at the wrong SDK pieces.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var publish = Process.Start(start)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(PublishTimeout);
        await publish.WaitForExitAsync(timeout.Token);
        PublishLog = await stdout + await stderr;
        publish.ExitCode.ShouldBe(0, $"dotnet publish of the bootstrap failed:\n{PublishLog}");
        Executable = Path.Combine(output, "bootstrap");
        File.Exists(Executable).ShouldBeTrue($"no bootstrap in {output}");
    }

    public Task DisposeAsync()
    {
        var folder = Path.GetDirectoryName(Executable);
        if (!string.IsNullOrEmpty(folder) && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Flick.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Flick.sln above {AppContext.BaseDirectory}");
    }
}
