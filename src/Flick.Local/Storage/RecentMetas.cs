namespace Flick.Local.Storage;

/// <summary>
/// The ETags of the latest puts by file path, at most <c>capacity</c> of them: a new one pushes out
/// the oldest. Safe for concurrent puts and reads.
/// </summary>
internal sealed class RecentMetas(int capacity)
{
    private readonly Dictionary<string, ObjectMeta> _metas = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _gate = new();

    public void Remember(string path, ObjectMeta meta)
    {
        lock (_gate)
        {
            if (_metas.TryAdd(path, meta))
            {
                _order.Enqueue(path);
                while (_order.Count > capacity)
                {
                    _metas.Remove(_order.Dequeue());
                }
            }
            else
            {
                _metas[path] = meta;
            }
        }
    }

    public ObjectMeta? Find(string path)
    {
        lock (_gate)
        {
            return _metas.GetValueOrDefault(path);
        }
    }

    public void Forget(string path)
    {
        lock (_gate)
        {
            _metas.Remove(path);   // its place in the order stays: when that comes round, the path is dropped again
        }
    }
}
