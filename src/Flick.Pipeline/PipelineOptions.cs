using Flick.Core.Domain;
using Flick.Pipeline.Layout;
using Flick.Pipeline.Pulls;

namespace Flick.Pipeline;

/// <summary>The pipeline's settings, bound once from configuration (section <c>Flick:Pipeline</c>).</summary>
public sealed class PipelineOptions
{
    public const string Section = "Flick:Pipeline";

    public BucketNames Buckets { get; set; } = new();

    /// <summary>How many channels and games each per-slot ranking keeps.</summary>
    public int TopN { get; set; } = MetricConstants.DefaultTopN;

    /// <summary>
    /// Where the Background Starter and the slot steps share a process (the embedded runtime), the
    /// ingest hands each slot it wrote to the steps' loader, which serves it without parsing the
    /// silver document again for as long as the series bucket holds exactly that part. Off by
    /// default: in AWS they are different functions.
    /// </summary>
    public bool ShareParsedSlots { get; set; }

    /// <summary>The external sources the Puller knows, by name.</summary>
    public IList<SourceOptions> Sources { get; } = [];

    public SourceOptions? FindSource(string name) => Sources.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    /// <summary>Throws with every problem at once, so that a bad configuration fails at start.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (TopN is < 1 or > 10_000)
        {
            problems.Add($"TopN must be within 1..10000 (was {TopN})");
        }

        foreach (var source in Sources)
        {
            problems.AddRange(source.Problems());
        }

        if (Sources.GroupBy(s => s.Name, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            problems.Add("source names must be unique");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid pipeline configuration: " + string.Join("; ", problems));
        }
    }
}
