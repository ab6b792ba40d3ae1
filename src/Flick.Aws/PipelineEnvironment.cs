using System.Globalization;
using System.Text.Json;
using Flick.Pipeline;
using Flick.Pipeline.Layout;
using Flick.Pipeline.Pulls;

namespace Flick.Aws;

/// <summary>The pipeline's options, read once from the environment the infrastructure sets for the Lambda functions and the API service.</summary>
public static class PipelineEnvironment
{
    // The same variables AwsOptions reads, so the pipeline and the object store name the same buckets.
    public const string RawBucketVariable = "FLICK_BUCKET_RAW";
    public const string SeriesBucketVariable = "FLICK_BUCKET_SERIES";
    public const string CleanBucketVariable = "FLICK_BUCKET_CLEAN";
    public const string TopNVariable = "FLICK_TOP_N";

    /// <summary>A JSON array of the Puller's sources, each shaped like <see cref="SourceOptions"/>.</summary>
    public const string SourcesVariable = "FLICK_SOURCES";

    /// <summary>Reads and validates the options; unset buckets keep their logical names.</summary>
    public static PipelineOptions ReadPipelineOptions(Func<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var defaults = new BucketNames();
        var options = new PipelineOptions
        {
            Buckets = new BucketNames
            {
                Raw = NonEmpty(variables(RawBucketVariable)) ?? defaults.Raw,
                Series = NonEmpty(variables(SeriesBucketVariable)) ?? defaults.Series,
                Clean = NonEmpty(variables(CleanBucketVariable)) ?? defaults.Clean,
            },
        };

        if (NonEmpty(variables(TopNVariable)) is { } topN)
        {
            options.TopN = int.TryParse(topN, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new InvalidOperationException($"{TopNVariable} '{topN}' is not a whole number");
        }

        if (NonEmpty(variables(SourcesVariable)) is { } sources)
        {
            List<SourceOptions>? parsed;
            try
            {
                parsed = JsonSerializer.Deserialize(sources, PipelineEnvironmentJson.Default.ListSourceOptions);
            }
            catch (JsonException e)
            {
                throw new InvalidOperationException($"{SourcesVariable} is not a JSON array of sources: {e.Message}", e);
            }

            foreach (var source in parsed ?? [])
            {
                options.Sources.Add(source);
            }
        }

        options.Validate();
        return options;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
