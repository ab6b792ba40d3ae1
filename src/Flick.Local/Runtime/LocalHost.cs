using Flick.Core.Ports;
using Flick.Local.Simulator;
using Flick.Pipeline;
using Flick.Pipeline.Pulls;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Flick.Local.Runtime;

/// <summary>
/// The composition root of the embedded runtime, shared by Program and the tests: starts the
/// simulator (unless a real source is given), then builds the services around its address.
/// </summary>
public sealed class LocalHost : IAsyncDisposable
{
    public const string SimulatedSource = "sim";

    private LocalHost(ServiceProvider services, HelixSimulator? simulator, Uri streamsUrl)
    {
        Services = services;
        Simulator = simulator;
        ApiBase = streamsUrl;
    }

    public ServiceProvider Services { get; }

    public HelixSimulator? Simulator { get; }

    public Uri ApiBase { get; }

    public LocalRuntime Runtime => Services.GetRequiredService<LocalRuntime>();

    /// <param name="adapters">
    /// Registrations applied after the embedded ones, to put other adapters behind some ports (the AWS
    /// adapters in the end-to-end comparison); null keeps the embedded adapters.
    /// </param>
    public static async Task<LocalHost> StartAsync(LocalOptions options, Action<ILoggingBuilder> logging, CancellationToken ct, Action<IServiceCollection>? adapters = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }

        HelixSimulator? simulator = null;
        Uri streamsUrl;
        var credentials = new Dictionary<string, SourceCredential>(StringComparer.Ordinal);
        if (options.Source is null)
        {
            simulator = new HelixSimulator(new SimulatorOptions { Channels = options.Channels, Seed = options.Seed, RateLimitPerMinute = options.RateLimit });
            streamsUrl = await simulator.StartAsync(ct);
            credentials[SimulatedSource] = new SourceCredential("flick-local", "flick-local");
        }
        else
        {
            // Accept both the API root and the full Get Streams URL.
            var text = options.Source.AbsoluteUri;
            const string streamsPath = "helix/streams";
            var cut = text.IndexOf(streamsPath, StringComparison.Ordinal);
            streamsUrl = new Uri(cut >= 0 ? text[..cut] : text);
            var clientId = Environment.GetEnvironmentVariable("FLICK_HELIX_CLIENT_ID");
            var token = Environment.GetEnvironmentVariable("FLICK_HELIX_TOKEN");
            // Half a pair is kept too, so that the first pull fails naming the missing variable.
            if (!string.IsNullOrEmpty(clientId) || !string.IsNullOrEmpty(token))
            {
                credentials[SimulatedSource] = new SourceCredential(clientId ?? "", token ?? "");
            }
        }

        // Ingest and steps share this process: a slot just written is not parsed again by its steps.
        var pipeline = new PipelineOptions { ShareParsedSlots = true };
        pipeline.Sources.Add(new SourceOptions
        {
            Name = SimulatedSource,
            SeriesId = SimulatedSource,
            ApiBase = streamsUrl,
            AllowTimeTravel = simulator is not null,
            PageSize = 100,
        });

        var services = new ServiceCollection();
        services.AddLogging(logging);
        services.AddFlickLocal(options, pipeline, credentials);
        adapters?.Invoke(services);
        return new LocalHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }), simulator, streamsUrl);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (Simulator is not null)
        {
            await Simulator.DisposeAsync();
        }
    }
}
