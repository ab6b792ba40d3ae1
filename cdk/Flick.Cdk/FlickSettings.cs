using System.Text.RegularExpressions;
using Amazon.CDK;

namespace Flick.Cdk;

/// <summary>
/// What one deployment of Flick is made of, read once from the CDK context (<c>-c name=value</c> or
/// cdk.json) and validated before any construct is built.
/// </summary>
public sealed partial record FlickSettings
{
    /// <summary>The deployment stage (<c>dev</c>, <c>prod</c>): part of every stack, table and parameter name.</summary>
    public required string Stage { get; init; }

    /// <summary>The repository root: the state machine file, the Lambda package and the API's Dockerfile are found from it.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>The Puller's sources; each gets a schedule and its credential parameters.</summary>
    public IReadOnlyList<string> Sources { get; init; } = ["twitch"];

    /// <summary>The Helix-compatible base URL the sources are pulled from.</summary>
    public Uri SourceApiBase { get; init; } = new("https://api.twitch.tv/");

    /// <summary>The schedule of every source's pull.</summary>
    public string PullSchedule { get; init; } = "rate(1 minute)";

    /// <summary>Whether the state machine announces SeriesReady/SeriesFailed (the execution input's <c>notify</c> default).</summary>
    public bool NotificationsEnabled { get; init; } = true;

    /// <summary>
    /// The Lambda deployment package (<c>artifacts/lambda/flick-bootstrap-arm64.zip</c> by default). When it
    /// does not exist and <see cref="AllowPlaceholderPackage"/> is on, a placeholder stands in so that the
    /// app synthesizes without a build; deploying it would give functions that fail on every invocation.
    /// </summary>
    public string? LambdaPackage { get; init; }

    public bool AllowPlaceholderPackage { get; init; }

    /// <summary>An address that is subscribed to the alarm topic; none leaves the topic without subscription.</summary>
    public string? AlarmEmail { get; init; }

    /// <summary>An ACM certificate for the load balancer's HTTPS listener; none serves plain HTTP on port 80.</summary>
    public string? ApiCertificateArn { get; init; }

    /// <summary>The API's two availability zones (default: zones a and b of the region).</summary>
    public IReadOnlyList<string>? AvailabilityZones { get; init; }

    public Amazon.CDK.Environment? Environment { get; init; }

    public string StackName(string part) => $"Flick-{Stage}-{part}";

    public string LambdaPackagePath => LambdaPackage ?? Path.Combine(RepositoryRoot, "artifacts", "lambda", "flick-bootstrap-arm64.zip");

    /// <summary>The settings of <paramref name="app"/>'s context, with the repository found from <paramref name="startDirectory"/>.</summary>
    public static FlickSettings FromContext(App app, string startDirectory)
    {
        ArgumentNullException.ThrowIfNull(app);
        string? Read(string name) => app.Node.TryGetContext(name)?.ToString() is { Length: > 0 } value ? value.Trim() : null;

        var account = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT");
        var region = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION");
        var settings = new FlickSettings
        {
            Stage = Read("stage") ?? "dev",
            RepositoryRoot = Read("repositoryRoot") ?? FindRepositoryRoot(startDirectory),
            Sources = (Read("sources") ?? "twitch").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            SourceApiBase = new Uri(Read("sourceApiBase") ?? "https://api.twitch.tv/", UriKind.Absolute),
            PullSchedule = Read("pullSchedule") ?? "rate(1 minute)",
            NotificationsEnabled = !string.Equals(Read("notifications"), "false", StringComparison.OrdinalIgnoreCase),
            LambdaPackage = Read("lambdaPackage"),
            AllowPlaceholderPackage = string.Equals(Read("allowPlaceholderPackage"), "true", StringComparison.OrdinalIgnoreCase),
            AlarmEmail = Read("alarmEmail"),
            ApiCertificateArn = Read("apiCertificateArn"),
            AvailabilityZones = Read("availabilityZones")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Environment = account is null && region is null ? null : new Amazon.CDK.Environment { Account = account, Region = region },
        };
        settings.Validate();
        return settings;
    }

    /// <summary>The nearest directory at or above <paramref name="start"/> that holds Flick.sln.</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Flick.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Flick.sln at or above '{start}': run the app from the repository, or pass -c repositoryRoot=<path>.");
    }

    /// <summary>Throws with every problem at once.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (!NamePattern().IsMatch(Stage))
        {
            problems.Add($"stage '{Stage}' must match {NamePattern()} (it is part of stack, table and parameter names)");
        }

        if (Sources.Count == 0)
        {
            problems.Add("sources must name at least one source");
        }

        problems.AddRange(Sources.Where(s => !NamePattern().IsMatch(s)).Select(s => $"source '{s}' must match {NamePattern()}"));
        if (Sources.Distinct(StringComparer.Ordinal).Count() != Sources.Count)
        {
            problems.Add("sources must not repeat a name");
        }

        if (SourceApiBase.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add($"sourceApiBase '{SourceApiBase}' must be an https URL");
        }

        if (!PullSchedule.StartsWith("rate(", StringComparison.Ordinal) && !PullSchedule.StartsWith("cron(", StringComparison.Ordinal))
        {
            problems.Add($"pullSchedule '{PullSchedule}' must be a rate(...) or cron(...) expression");
        }

        if (AvailabilityZones is { Count: not 2 })
        {
            problems.Add("availabilityZones must name exactly two zones");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid Flick deployment settings: " + string.Join("; ", problems));
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,20}$")]
    private static partial Regex NamePattern();
}
