using Flick.Local.Data;

namespace Flick.Local.Tests.Data;

/// <summary>A database in a fresh temp folder, removed with the folder on dispose.</summary>
internal sealed class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        Directory = Path.Combine(Path.GetTempPath(), "flick-tests", Guid.NewGuid().ToString("N"));
        Database = new SqliteDatabase(Directory);
    }

    public string Directory { get; }

    public SqliteDatabase Database { get; }

    public void Dispose()
    {
        Database.Dispose();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
