using System.CommandLine;
using System.Globalization;
using Flick.Local.Runtime;
using Microsoft.Extensions.Logging;

var dataDir = new Option<string>("--data-dir") { Description = "Where buckets, tables and queues are kept", DefaultValueFactory = _ => new LocalOptions().DataDirectory };
var channels = new Option<int>("--channels") { Description = "Channels of the simulated source", DefaultValueFactory = _ => 2000 };
var minutes = new Option<int>("--minutes") { Description = "Minutes to backfill", DefaultValueFactory = _ => 60 };
var source = new Option<Uri?>("--source") { Description = "A Helix-compatible Get Streams URL instead of the simulator (credentials from FLICK_HELIX_CLIENT_ID and FLICK_HELIX_TOKEN)", CustomParser = HttpUrl };
var once = new Option<bool>("--once") { Description = "Exit after the backfill" };
var end = new Option<string?>("--end") { Description = "Exclusive end of the backfill, UTC (default: the current minute)" };
var seed = new Option<int>("--seed") { Description = "Seed of the simulated world", DefaultValueFactory = _ => 20261123 };
var apiUrl = new Option<Uri?>("--api-url") { Description = "Where the search API and dashboard listen (not with --once)", DefaultValueFactory = _ => new Uri("http://127.0.0.1:5080"), CustomParser = HttpUrl };
var noApi = new Option<bool>("--no-api") { Description = "Do not serve the search API and dashboard" };
var redis = new Option<string?>("--redis") { Description = "Redis for the API cache, host:port (default: REDIS_URL, else an in-process cache)" };
var rateLimit = new Option<int>("--rate-limit") { Description = "Requests per minute the simulated source allows", DefaultValueFactory = _ => 800 };
var import = new Option<string?>("--import") { Description = "Put the raw objects of this folder (a copy of a raw bucket, or a benchmark data set) into the raw bucket and process them instead of a backfill" };
var verbose = new Option<bool>("--verbose") { Description = "Log every step" };
var executions = new Option<int>("--executions") { Description = "State machine executions at once", DefaultValueFactory = _ => new LocalOptions().Executions };

var root = new RootCommand("Flick: streaming analytics on one machine — pulls a Helix-shaped source and runs the whole pipeline with embedded parts.")
{
    dataDir, channels, minutes, source, once, end, seed, rateLimit, apiUrl, noApi, redis, import, verbose, executions,
};

root.SetAction(async (parse, ct) =>
{
    DateTimeOffset? endAt = null;
    if (parse.GetValue(end) is { } endText)
    {
        if (!DateTimeOffset.TryParse(endText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            Console.Error.WriteLine($"error: --end '{endText}' is not a date and time");
            return 2;
        }

        endAt = parsed;
    }

    var options = new LocalOptions
    {
        DataDirectory = Path.GetFullPath(parse.GetValue(dataDir)!),
        Channels = parse.GetValue(channels),
        Minutes = parse.GetValue(minutes),
        Source = parse.GetValue(source),
        Once = parse.GetValue(once),
        End = endAt,
        Seed = parse.GetValue(seed),
        RateLimit = parse.GetValue(rateLimit),
        ApiUrl = parse.GetValue(apiUrl)!,
        NoApi = parse.GetValue(noApi),
        Redis = parse.GetValue(redis) ?? Environment.GetEnvironmentVariable("REDIS_URL"),
        Import = parse.GetValue(import) is { } folder ? Path.GetFullPath(folder) : null,
        Executions = parse.GetValue(executions),
    };
    var problems = options.Problems().ToList();
    if (problems.Count > 0)
    {
        problems.ForEach(p => Console.Error.WriteLine("error: " + p));
        return 2;
    }

    var level = parse.GetValue(verbose) ? LogLevel.Information : LogLevel.Warning;
    await using var host = await LocalHost.StartAsync(options, b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(level), ct);
    Console.WriteLine($"Flick — data in {options.DataDirectory}");
    Console.WriteLine(host.Simulator is null ? $"Source: {host.ApiBase}" : $"Simulator: {host.ApiBase} ({options.Channels:N0} channels)");
    await using var api = await LocalApi.StartAsync(host, options, level, ct);
    try
    {
        var summary = await host.Runtime.RunAsync(line => Console.WriteLine("  " + line), ct, s => Console.WriteLine(SummaryText.Format(s)));
        if (ct.IsCancellationRequested)
        {
            Console.WriteLine("Stopped.");
        }

        return summary.FailedRuns > 0 ? 1 : 0;
    }
    catch (OperationCanceledException) when (ct.IsCancellationRequested)
    {
        Console.WriteLine("Stopped.");
        return 0;
    }
});

return await root.Parse(args).InvokeAsync();

// System.CommandLine has no parser for Uri: an absolute http(s) URL, or a clear error.
static Uri? HttpUrl(System.CommandLine.Parsing.ArgumentResult result)
{
    var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
    if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
    {
        return url;
    }

    result.AddError($"'{text}' is not an absolute http(s) URL");
    return null;
}
