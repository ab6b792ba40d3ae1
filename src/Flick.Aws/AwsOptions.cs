using System.Text.RegularExpressions;
using Flick.Core.Ports;
using Flick.Pipeline.Layout;

namespace Flick.Aws;

/// <summary>
/// Where Flick's AWS resources are: region, endpoint overrides (emulators in tests), bucket, queue and
/// table names, the state machine and the event bus. Read once from the environment the Lambda
/// functions are deployed with (<see cref="FromEnvironment"/>), then <see cref="Validate"/>d at start.
/// </summary>
public sealed partial class AwsOptions
{
    // Problems found while reading the environment, reported by Validate with the others.
    private readonly List<string> _readProblems = [];

    /// <summary>The region of every client; read from <c>FLICK_AWS_REGION</c>, else Lambda's <c>AWS_REGION</c>.</summary>
    public string Region { get; set; } = string.Empty;

    /// <summary>An S3 and SQS endpoint in place of AWS's (an emulator); null in AWS.</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>A DynamoDB endpoint in place of AWS's (an emulator); null in AWS.</summary>
    public Uri? DynamoDbServiceUrl { get; set; }

    /// <summary>
    /// Path-style S3 addressing (<c>http://host/bucket/key</c>) whenever an endpoint is given: an emulator on
    /// 127.0.0.1 cannot serve <c>bucket.host</c> names.
    /// </summary>
    public bool S3ForcePathStyle => ServiceUrl is not null;

    /// <summary>The real bucket name of each logical bucket (<see cref="Buckets"/> of Core).</summary>
    public BucketNames Buckets { get; set; } = new();

    /// <summary>
    /// The real queue of each logical queue (<see cref="Queues"/> of Core), by name or by URL. A logical queue
    /// that is not listed is used under its own name. Its dead-letter queue is the one its redrive policy names.
    /// </summary>
    public IDictionary<string, string> Queues { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Prepended to every DynamoDB table name (<c>flick-prod-</c> gives <c>flick-prod-runs</c>).</summary>
    public string TablePrefix { get; set; } = "flick-";

    /// <summary>The pipeline's Step Functions state machine; null where nothing starts executions.</summary>
    public string? StateMachineArn { get; set; }

    /// <summary>The EventBridge bus that "SeriesReady" and "SeriesFailed" go to.</summary>
    public string EventBusName { get; set; } = "default";

    /// <summary>The deployment stage (<c>dev</c>, <c>prod</c>): the stage segment of the SSM parameter names.</summary>
    public string Stage { get; set; } = "dev";

    /// <summary>
    /// Reads the options from environment variables: <c>FLICK_AWS_REGION</c> (else <c>AWS_REGION</c>, else
    /// <c>AWS_DEFAULT_REGION</c>), <c>FLICK_AWS_SERVICE_URL</c>, <c>FLICK_DYNAMODB_SERVICE_URL</c>,
    /// <c>FLICK_BUCKET_RAW</c>, <c>FLICK_BUCKET_SERIES</c>, <c>FLICK_BUCKET_CLEAN</c>,
    /// <c>FLICK_QUEUE_PULL_REQUESTS</c>, <c>FLICK_QUEUE_INGEST</c>, <c>FLICK_QUEUE_RUNS</c>,
    /// <c>FLICK_TABLE_PREFIX</c>, <c>FLICK_STATE_MACHINE_ARN</c>, <c>FLICK_EVENT_BUS_NAME</c>, <c>FLICK_STAGE</c>. Unset or empty
    /// variables keep the defaults. A malformed URL is kept as a problem for <see cref="Validate"/>.
    /// </summary>
    /// <param name="variable">Reads one variable, e.g. <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    public static AwsOptions FromEnvironment(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        string? Read(string name) => variable(name) is { Length: > 0 } value ? value.Trim() : null;

        var options = new AwsOptions
        {
            Region = Read("FLICK_AWS_REGION") ?? Read("AWS_REGION") ?? Read("AWS_DEFAULT_REGION") ?? string.Empty,
            Buckets = new BucketNames
            {
                Raw = Read("FLICK_BUCKET_RAW") ?? Core.Ports.Buckets.Raw,
                Series = Read("FLICK_BUCKET_SERIES") ?? Core.Ports.Buckets.Series,
                Clean = Read("FLICK_BUCKET_CLEAN") ?? Core.Ports.Buckets.Clean,
            },
            TablePrefix = Read("FLICK_TABLE_PREFIX") ?? "flick-",
            StateMachineArn = Read("FLICK_STATE_MACHINE_ARN"),
            EventBusName = Read("FLICK_EVENT_BUS_NAME") ?? "default",
            Stage = Read("FLICK_STAGE") ?? "dev",
        };
        options.ServiceUrl = options.ParseUrl("FLICK_AWS_SERVICE_URL", Read("FLICK_AWS_SERVICE_URL"));
        options.DynamoDbServiceUrl = options.ParseUrl("FLICK_DYNAMODB_SERVICE_URL", Read("FLICK_DYNAMODB_SERVICE_URL"));
        foreach (var queue in new[] { Core.Ports.Queues.PullRequests, Core.Ports.Queues.Ingest, Core.Ports.Queues.Runs })
        {
            if (Read(QueueVariable(queue)) is { } real)
            {
                options.Queues[queue] = real;
            }
        }

        return options;
    }

    /// <summary>The environment variable that names the real queue of a logical queue: <c>ingest</c> → <c>FLICK_QUEUE_INGEST</c>.</summary>
    public static string QueueVariable(string logicalQueue)
    {
        ArgumentNullException.ThrowIfNull(logicalQueue);
        return "FLICK_QUEUE_" + logicalQueue.ToUpperInvariant().Replace('-', '_');
    }

    /// <summary>Throws with every problem at once, so that a bad deployment fails at start.</summary>
    public void Validate()
    {
        var problems = Problems().ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid AWS configuration: " + string.Join("; ", problems));
        }
    }

    public IEnumerable<string> Problems()
    {
        foreach (var problem in _readProblems)
        {
            yield return problem;
        }

        if (!RegionPattern().IsMatch(Region))
        {
            yield return $"Region '{Region}' is not a region name like us-east-1 (set FLICK_AWS_REGION or AWS_REGION)";
        }

        foreach (var (name, url) in new[] { ("ServiceUrl", ServiceUrl), ("DynamoDbServiceUrl", DynamoDbServiceUrl) })
        {
            if (url is not null && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
            {
                yield return $"{name} must be an absolute http(s) URL";
            }
        }

        var buckets = new[] { (Core.Ports.Buckets.Raw, Buckets.Raw), (Core.Ports.Buckets.Series, Buckets.Series), (Core.Ports.Buckets.Clean, Buckets.Clean) };
        foreach (var (role, real) in buckets)
        {
            if (!BucketPattern().IsMatch(real ?? string.Empty))
            {
                yield return $"the {role} bucket '{real}' is not an S3 bucket name (3 to 63 of a-z, 0-9, '.', '-')";
            }
            else if (buckets.Any(other => other.Item1 != role && (other.Item1 == real || other.Item2 == real)))
            {
                yield return $"the {role} bucket '{real}' is also the name of another logical or real bucket";
            }
        }

        foreach (var (logical, real) in Queues)
        {
            if (!QueueNamePattern().IsMatch(logical))
            {
                yield return $"logical queue '{logical}' is not a queue name (1 to 80 of A-Z, a-z, 0-9, '-', '_')";
            }

            if (!QueueNamePattern().IsMatch(real) && !Uri.TryCreate(real, UriKind.Absolute, out _))
            {
                yield return $"queue '{logical}' maps to '{real}', which is neither a queue name nor a queue URL";
            }
        }

        if (!TablePrefixPattern().IsMatch(TablePrefix))
        {
            yield return $"TablePrefix '{TablePrefix}' may hold at most 200 of A-Z, a-z, 0-9, '_', '-', '.'";
        }

        if (StateMachineArn is not null && !StateMachineArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            yield return $"StateMachineArn '{StateMachineArn}' is not an ARN";
        }

        if (!EventBusPattern().IsMatch(EventBusName))
        {
            yield return $"EventBusName '{EventBusName}' is not an event bus name or ARN";
        }

        if (!Credentials.SsmSourceCredentialsOptions.IsNameSegment(Stage))
        {
            yield return $"Stage '{Stage}' may hold only letters, digits, '.', '-' and '_' (set FLICK_STAGE)";
        }
    }

    private Uri? ParseUrl(string variable, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var url))
        {
            return url;
        }

        _readProblems.Add($"{variable} '{value}' is not an absolute URL");
        return null;
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,80}$")]
    private static partial Regex QueueNamePattern();

    [GeneratedRegex("^[A-Za-z0-9_.-]{0,200}$")]
    private static partial Regex TablePrefixPattern();

    [GeneratedRegex("^([A-Za-z0-9._-]{1,256}|arn:[^\\s]+)$")]
    private static partial Regex EventBusPattern();
}
