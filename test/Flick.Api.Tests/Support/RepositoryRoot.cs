namespace Flick.Api.Tests.Support;

internal static class RepositoryRoot
{
    public static string Path
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Flick.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Flick.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
