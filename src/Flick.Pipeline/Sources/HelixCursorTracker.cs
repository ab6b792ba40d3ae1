namespace Flick.Pipeline.Sources;

/// <summary>
/// Remembers the cursors of one pull, so that a source that hands back a cursor it already gave
/// (a loop) stops the pull instead of paging forever.
/// </summary>
public sealed class HelixCursorTracker
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public int Count => _seen.Count;

    /// <summary>Records <paramref name="cursor"/>; false when it was already seen in this pull (a loop).</summary>
    public bool TryVisit(string cursor)
    {
        ArgumentException.ThrowIfNullOrEmpty(cursor);
        return _seen.Add(cursor);
    }

    public void Reset() => _seen.Clear();
}
