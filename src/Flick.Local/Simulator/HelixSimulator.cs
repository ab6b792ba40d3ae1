using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Flick.Local.Simulator;

/// <summary>
/// A Helix-shaped API on loopback (Kestrel, in process): <c>GET /helix/streams</c> over a
/// <see cref="SimulatedWorld"/>, with Helix's rate-limit headers, auth and scriptable faults, so that
/// the puller's real HTTP path runs on one machine and in tests.
/// </summary>
public sealed class HelixSimulator : IAsyncDisposable
{
    private readonly SimulatorOptions _options;
    private readonly HelixStreamsEndpoint _streams;
    private readonly SimulatorControlEndpoint _control;
    private WebApplication? _app;

    /// <param name="timeProvider">The clock of "now" snapshots, the rate-limit bucket and slow faults; the system clock by default.</param>
    public HelixSimulator(SimulatorOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        World = new SimulatedWorld(options);
        _streams = new HelixStreamsEndpoint(options, World, Faults, timeProvider ?? TimeProvider.System);
        _control = new SimulatorControlEndpoint(Faults);
    }

    public SimulatedWorld World { get; }

    /// <summary>Faults scripted for the next requests, applied before the random ones.</summary>
    public SimulatedFaultQueue Faults { get; } = new();

    /// <summary>How many <c>/helix</c> requests arrived, whatever their outcome.</summary>
    public long RequestCount => _streams.RequestCount;

    /// <summary>The API root (<c>http://127.0.0.1:port/</c>) once started; clients append <c>helix/streams</c>.</summary>
    public Uri? BaseUri { get; private set; }

    public async Task<Uri> StartAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The simulator is already started.");
        }

        // The empty builder reads no configuration or environment, so a stray ASPNETCORE_URLS cannot move it off loopback.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, _options.Port));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.MapGet("/helix/streams", _streams.HandleAsync);
        app.MapPost("/sim/faults", _control.EnqueueAsync);
        app.MapDelete("/sim/faults", _control.ClearAsync);
        app.MapFallback(context => HelixStreamsEndpoint.WriteErrorAsync(
            context.Response, StatusCodes.Status404NotFound, "Not Found", "No such endpoint.", context.RequestAborted));

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseUri = new Uri(new Uri(address), "/");
        return BaseUri;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            _app = null;
            BaseUri = null;
            await app.StopAsync(cancellationToken);
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);
}
