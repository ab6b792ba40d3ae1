using System.Net;
using System.Net.Sockets;
using Flick.Api;
using Flick.Local.Runtime;
using Microsoft.Extensions.Logging;

namespace Flick.Dashboard.Tests;

/// <summary>
/// The real runtime in this process, on a temporary data directory: a small backfill, then live
/// mode (the API only runs there) until the tests end.
/// </summary>
public sealed class DashboardRuntime : IAsyncLifetime, IDisposable
{
    public static readonly DateTimeOffset End = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "flick-dashboard-" + Guid.NewGuid().ToString("N"));
    private readonly CancellationTokenSource _stop = new();
    private LocalHost? _host;
    private FlickApiHost? _api;
    private Task? _running;

    public Uri Address { get; private set; } = null!;

    public string AdminPassword { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new LocalOptions
        {
            DataDirectory = _dataDirectory,
            Channels = 300,
            Minutes = 12,
            End = End,
            Seed = 7,
            Quiet = true,
            ApiUrl = new Uri($"http://127.0.0.1:{FreePort()}"),
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        _host = await LocalHost.StartAsync(options, b => b.SetMinimumLevel(LogLevel.Warning), timeout.Token);
        _api = await LocalApi.StartAsync(_host, options, LogLevel.Warning, timeout.Token)
            ?? throw new InvalidOperationException("The API did not start.");
        Address = _api.Address;
        AdminPassword = _api.AdminPassword ?? throw new InvalidOperationException("A fresh data directory must give the admin password.");

        var backfilled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _running = _host.Runtime.RunAsync(null, _stop.Token, _ => backfilled.TrySetResult());
        var done = await Task.WhenAny(backfilled.Task, _running, Task.Delay(TimeSpan.FromMinutes(5), timeout.Token));
        if (done != backfilled.Task)
        {
            await done;   // surfaces the runtime's failure, if that is what ended first
            throw new TimeoutException("The backfill did not finish in 5 minutes.");
        }
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            try
            {
                await _running;
            }
            catch (OperationCanceledException)
            {
            }
        }

        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public void Dispose() => _stop.Dispose();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
