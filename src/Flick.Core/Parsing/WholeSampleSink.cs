using Flick.Core.Domain;

namespace Flick.Core.Parsing;

/// <summary>
/// Makes samples all-or-nothing: a sample's observations reach the inner sink only once the next
/// sample starts or the input ends. If the input breaks in the middle of a sample (malformed or
/// truncated JSON), that sample is quarantined whole instead of counting a part of its minute — a
/// partial minute would understate every total of its slot. Memory is one sample's observations.
/// </summary>
public sealed class WholeSampleSink(IObservationSink inner) : IObservationSink
{
    private readonly List<(SeriesId Series, Observation Observation)> _pending = [];
    private (SeriesId Series, DateTimeOffset At)? _sample;

    public void OnSample(SeriesId series, DateTimeOffset at)
    {
        Flush();
        _sample = (series, at);
    }

    public void OnObservation(SeriesId series, Observation observation) => _pending.Add((series, observation));

    public void OnRejected(Rejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        if (rejection.Code == RejectionCodes.MalformedJson && _sample is { } sample)
        {
            // The sample this error cut short is dropped whole, and says how much it held so far.
            inner.OnRejected(rejection with
            {
                SeriesId = rejection.SeriesId ?? sample.Series.Value,
                Reason = $"{rejection.Reason} — the sample taken at {sample.At:O} is quarantined whole ({_pending.Count} stream(s) read before the error are not counted)",
            });
            _pending.Clear();
            _sample = null;
            return;
        }

        inner.OnRejected(rejection);
    }

    /// <summary>Delivers the last sample; call when the parse ended.</summary>
    public void Complete() => Flush();

    private void Flush()
    {
        if (_sample is { } sample)
        {
            inner.OnSample(sample.Series, sample.At);
        }

        foreach (var (series, observation) in _pending)
        {
            inner.OnObservation(series, observation);
        }

        _pending.Clear();
        _sample = null;
    }
}
