using System.Globalization;
using Flick.Core.Ports;
using Microsoft.Win32.SafeHandles;

namespace Flick.Local.Storage;

/// <summary>
/// The ETag sidecar of an object, with the size and write time of the file it was computed for.
/// A sidecar that does not match the file (a crash between its write and the rename, two puts racing,
/// a file changed by hand) is simply not trusted: the ETag is recomputed from the content.
/// </summary>
internal sealed record ObjectMeta(string ETag, long Size, long LastWriteTicks)
{
    public bool Describes(SafeFileHandle file) =>
        RandomAccess.GetLength(file) == Size && File.GetLastWriteTimeUtc(file).Ticks == LastWriteTicks;

    /// <summary>What a head or a listing says of the object at (<paramref name="bucket"/>, <paramref name="key"/>).</summary>
    public ObjectInfo Info(string bucket, string key) =>
        new(bucket, key, Size, ETag, new DateTimeOffset(LastWriteTicks, TimeSpan.Zero));

    public static ObjectMeta Of(SafeFileHandle file, string etag) =>
        new(etag, RandomAccess.GetLength(file), File.GetLastWriteTimeUtc(file).Ticks);

    public static ObjectMeta? TryRead(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return null;
        }

        return lines.Length == 3
            && long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            && long.TryParse(lines[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                ? new ObjectMeta(lines[0], size, ticks)
                : null;
    }

    /// <summary>
    /// Writes the sidecar through a temp file and a rename, so a reader never sees half of it. It is a
    /// few dozen bytes: written synchronously, as a thread-pool hop of an asynchronous file write
    /// would cost more than the write itself.
    /// </summary>
    public void Write(string path, string tempDirectory)
    {
        var temp = Path.Combine(tempDirectory, Guid.NewGuid().ToString("N") + ".meta");
        var text = string.Create(CultureInfo.InvariantCulture, $"{ETag}\n{Size}\n{LastWriteTicks}\n");
        Directory.CreateDirectory(tempDirectory);
        try
        {
            File.WriteAllText(temp, text);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
