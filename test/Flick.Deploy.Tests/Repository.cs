namespace Flick.Deploy.Tests;

/// <summary>Paths of the repository the tests run in, and its pinned npm tools.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>
    /// A tool from <c>node_modules/.bin</c>; fails with the command that installs it, since a missing
    /// tool must fail the test rather than skip it.
    /// </summary>
    public static string NodeTool(string name)
    {
        var tool = Path("node_modules", ".bin", name);
        File.Exists(tool).ShouldBeTrue(
            $"{tool} is missing: run `npm ci` at the repository root (scripts/test.sh does) to install the tools pinned in package-lock.json.");
        return tool;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Flick.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Flick.sln above {AppContext.BaseDirectory}.");
    }
}
