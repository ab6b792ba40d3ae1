using Flick.Core.Domain;
using Flick.Core.Parsing;

namespace Flick.Core.Tests.Parsing;

/// <summary>Keeps every call, in order, so that tests can compare what a parse delivered.</summary>
public sealed class RecordingSink : IObservationSink
{
    public List<(SeriesId Series, DateTimeOffset At)> Samples { get; } = [];

    public List<(SeriesId Series, Observation Observation)> Observations { get; } = [];

    public List<Rejection> Rejections { get; } = [];

    /// <summary>Every call as one line, to compare whole parses with each other.</summary>
    public List<string> Calls { get; } = [];

    public void OnSample(SeriesId series, DateTimeOffset at)
    {
        Samples.Add((series, at));
        Calls.Add($"sample {series} {at:O}");
    }

    public void OnObservation(SeriesId series, Observation observation)
    {
        Observations.Add((series, observation));
        Calls.Add($"observation {series} {observation}");
    }

    public void OnRejected(Rejection rejection)
    {
        Rejections.Add(rejection);
        Calls.Add($"rejected {rejection}");
    }
}
