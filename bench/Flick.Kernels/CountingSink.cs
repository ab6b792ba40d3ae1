using Flick.Core.Domain;
using Flick.Core.Parsing;

namespace Flick.Kernels;

/// <summary>Counts what the parser delivers and keeps nothing.</summary>
public sealed class CountingSink : IObservationSink
{
    public long Samples { get; private set; }
    public long Observations { get; private set; }
    public long Rejected { get; private set; }

    public void OnSample(SeriesId series, DateTimeOffset at) => Samples++;

    public void OnObservation(SeriesId series, Observation observation) => Observations++;

    public void OnRejected(Rejection rejection) => Rejected++;
}
