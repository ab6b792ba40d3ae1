using Flick.Core.Ports;
namespace Flick.Local.Storage;

/// <summary>
/// Where things live on disk: <c>&lt;root&gt;/&lt;bucket&gt;/&lt;key&gt;</c> for objects, and the store's own
/// files under <c>&lt;bucket&gt;/.flick/</c> (temp files and ETag sidecars). Temp files sit in the bucket
/// folder so that the final rename stays on one file system and is atomic.
/// </summary>
internal sealed class FolderLayout
{
    /// <summary>The first key segment that keys may not use; it holds the store's own files.</summary>
    public const string ReservedFolder = ObjectKeyRules.ReservedFolder;

    private const string TempFolder = "tmp";
    private const string MetaFolder = "meta";

    public FolderLayout(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }

    public string BucketDirectory(string bucket) => Path.Combine(Root, bucket);

    public string TempDirectory(string bucket) => Path.Combine(Root, bucket, ReservedFolder, TempFolder);

    public string ObjectPath(string bucket, string key) => Resolve(BucketDirectory(bucket), key);

    public string MetaPath(string bucket, string key) => Resolve(Path.Combine(Root, bucket, ReservedFolder, MetaFolder), key);

    /// <summary>Deletes the temp files a crash left behind, in every bucket.</summary>
    public void DeleteLeftoverTempFiles()
    {
        foreach (var bucketDirectory in Directory.EnumerateDirectories(Root))
        {
            var temp = Path.Combine(bucketDirectory, ReservedFolder, TempFolder);
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }

    /// <summary>
    /// Maps a validated key below <paramref name="baseDirectory"/>; the containment check is a second
    /// line of defence behind <see cref="ObjectKeyRules.ValidateKey"/>.
    /// </summary>
    private static string Resolve(string baseDirectory, string key)
    {
        var path = Path.GetFullPath(Path.Combine(baseDirectory, key.Replace('/', Path.DirectorySeparatorChar)));
        var root = Path.TrimEndingDirectorySeparator(baseDirectory) + Path.DirectorySeparatorChar;
        if (!path.StartsWith(root, StringComparison.Ordinal))
        {
            throw new ArgumentException("object key resolves outside its bucket folder", nameof(key));
        }

        return path;
    }
}
