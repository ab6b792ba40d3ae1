using Flick.Core.Domain;
using Flick.Core.Parsing;

namespace Flick.Core.Semantics;

/// <summary>
/// Groups a stream of observations into (series, slot) buckets, keeping one observation per user
/// (see <see cref="Deduplication"/>), and remembers every sampled slot, even one without streams.
/// Rejections are counted and kept up to <see cref="MaxKeptRejections"/> so that a hostile input
/// cannot exhaust memory through its errors.
/// </summary>
public sealed class SlotAccumulator : IObservationSink
{
    public const int MaxKeptRejections = 10_000;

    private readonly Dictionary<(SeriesId Series, Slot Slot), Dictionary<string, Observation>> _slots = [];
    private readonly List<Rejection> _rejections = [];

    public long Received { get; private set; }

    public long RejectedCount { get; private set; }

    public IReadOnlyList<Rejection> Rejections => _rejections;

    public void OnSample(SeriesId series, DateTimeOffset at) => Bucket(series, Slot.Of(at));

    public void OnObservation(SeriesId series, Observation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        Received++;
        var bucket = Bucket(series, observation.Slot);
        if (!bucket.TryGetValue(observation.UserId, out var kept) || Deduplication.Supersedes(observation, kept))
        {
            bucket[observation.UserId] = observation;
        }
    }

    public void OnRejected(Rejection rejection)
    {
        RejectedCount++;
        if (_rejections.Count < MaxKeptRejections)
        {
            _rejections.Add(rejection);
        }
    }

    /// <summary>The slots, ordered by series then slot; observations ordered by user id (ordinal).</summary>
    public IEnumerable<SlotContent> Slots() =>
        _slots
            .OrderBy(kv => kv.Key.Series.Value, StringComparer.Ordinal)
            .ThenBy(kv => kv.Key.Slot)
            .Select(kv => new SlotContent(kv.Key.Series, kv.Key.Slot, ByUserId(kv.Value)));

    /// <summary>
    /// A bucket's observations by user id, sorted with their keys beside them: each comparison reads
    /// two strings of an array rather than the keys a general ordering computes and looks up first.
    /// </summary>
    private static Observation[] ByUserId(Dictionary<string, Observation> bucket)
    {
        var users = new string[bucket.Count];
        var observations = new Observation[bucket.Count];
        bucket.Keys.CopyTo(users, 0);
        bucket.Values.CopyTo(observations, 0);
        Array.Sort(users, observations, StringComparer.Ordinal);
        return observations;
    }

    public long KeptObservations => _slots.Values.Sum(s => (long)s.Count);

    private Dictionary<string, Observation> Bucket(SeriesId series, Slot slot)
    {
        if (!_slots.TryGetValue((series, slot), out var bucket))
        {
            bucket = new Dictionary<string, Observation>(StringComparer.Ordinal);
            _slots[(series, slot)] = bucket;
        }

        return bucket;
    }
}
