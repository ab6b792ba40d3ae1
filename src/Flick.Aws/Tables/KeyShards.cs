namespace Flick.Aws.Tables;

/// <summary>
/// Spreads the channels (or games) of one hour over <see cref="Count"/> partitions, so that the
/// thousands of writes of one slot do not all land on one partition key. The count and the hash
/// are part of the stored layout: changing either makes stored items unreachable.
/// </summary>
internal static class KeyShards
{
    public const int Count = 16;

    /// <summary>FNV-1a over the UTF-16 code units: stable across processes, unlike <see cref="string.GetHashCode()"/>.</summary>
    public static int Of(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Count);
    }
}
