using Flick.Core.Ports;
namespace Flick.Local.Storage;

/// <summary>
/// Walks a bucket folder and yields keys in ordinal order without collecting the whole bucket: each
/// folder is sorted on its own, a sub-folder by its name plus '/', which is exactly where all of its
/// keys fall among its siblings in ordinal order.
/// </summary>
internal static class FolderListing
{
    public static IEnumerable<string> EnumerateKeys(string bucketDirectory, string prefix)
    {
        // Start at the deepest folder that the prefix names in full.
        var folderKey = prefix[..(prefix.LastIndexOf('/') + 1)];
        var start = folderKey.Length == 0
            ? bucketDirectory
            : Path.Combine(bucketDirectory, folderKey.TrimEnd('/').Replace('/', Path.DirectorySeparatorChar));
        return Directory.Exists(start) ? Walk(start, folderKey, prefix, isBucketRoot: folderKey.Length == 0) : [];
    }

    private static IEnumerable<string> Walk(string directory, string folderKey, string prefix, bool isBucketRoot)
    {
        var entries = new List<(string Key, FileSystemInfo Entry)>();
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            if ((isBucketRoot && entry.Name == FolderLayout.ReservedFolder)
                || entry.Attributes.HasFlag(FileAttributes.ReparsePoint)
                || !ObjectKeyRules.IsValidSegment(entry.Name))
            {
                continue;
            }

            var isFolder = entry is DirectoryInfo;
            var key = folderKey + entry.Name + (isFolder ? "/" : string.Empty);
            var wanted = key.StartsWith(prefix, StringComparison.Ordinal)
                || (isFolder && prefix.StartsWith(key, StringComparison.Ordinal));
            if (wanted)
            {
                entries.Add((key, entry));
            }
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var (key, entry) in entries)
        {
            if (entry is DirectoryInfo)
            {
                foreach (var inner in Walk(entry.FullName, key, prefix, isBucketRoot: false))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return key;
            }
        }
    }
}
