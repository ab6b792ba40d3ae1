using Flick.Core.Domain;

namespace Flick.Core.Parsing;

/// <summary>Receives what a streaming parse finds, as it finds it; nothing is buffered for the caller.</summary>
public interface IObservationSink
{
    /// <summary>A sample whose <c>at</c> parsed, before its streams: its slot counts as sampled even with no stream.</summary>
    void OnSample(SeriesId series, DateTimeOffset at);

    /// <summary>A stream that passed validation.</summary>
    void OnObservation(SeriesId series, Observation observation);

    /// <summary>A stream, a sample or the rest of a document that was refused, with the reason.</summary>
    void OnRejected(Rejection rejection);
}
