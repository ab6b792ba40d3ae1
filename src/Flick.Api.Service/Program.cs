using Flick.Api.Service;

// The API service over AWS: configuration from the environment (and appsettings.json beside the binary).
var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .Build();

ServiceSettings settings;
try
{
    settings = ServiceSettings.Read(configuration, Environment.GetEnvironmentVariable);
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

using var loggerFactory = LoggerFactory.Create(b => b.AddJsonConsole(o => o.IncludeScopes = true).SetMinimumLevel(LogLevel.Information));
await using var hostServices = ServiceComposition.BuildHostServices(settings, loggerFactory);
var (api, poller) = await ServiceComposition.StartAsync(
    settings, hostServices, b => b.AddJsonConsole().SetMinimumLevel(LogLevel.Information), stop.Token);
await using (api)
{
    Console.WriteLine($"Flick API listening on {string.Join(", ", api.App.Urls)}");
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
        // SIGTERM from ECS, or Ctrl+C.
    }

    if (poller is not null)
    {
        await poller.DisposeAsync();
    }
}

return 0;
